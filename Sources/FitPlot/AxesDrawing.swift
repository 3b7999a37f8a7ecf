extension Axes {
    /// The paint items of this axes in `plotArea`: background, grid, marks, spines, ticks and
    /// their labels, axis labels, title, legend. `measure` sizes static text only.
    func drawItems(
        plotArea: Rect, theme: Theme, points: PointScale, measure: (String, Font) -> TextExtent
    ) -> [DrawItem] {
        let layout = AxesLayout(axes: self, plotArea: plotArea, theme: theme, points: points)
        let t = layout.transform
        let area = plotArea
        let font = Font(family: theme.fontFamily, size: points.layout(theme.fontSizePoints))
        let tickLength = points.layout(theme.tickLengthPoints)
        let minorTickLength = points.layout(theme.minorTickLengthPoints)
        let tickPad = points.layout(theme.tickLabelPadPoints)
        let offsetPad = points.layout(3)  // matplotlib's OFFSETTEXTPAD
        let textColor = theme.textColor
        var items: [DrawItem] = []

        items.append(
            DrawItem(zOrder: ZOrder.axesBackground, isDynamic: false) { r in
                r.fill(.rectangle(area), color: theme.axesBackground)
            })

        if showsGrid ?? theme.showsGrid {
            items.append(
                DrawItem(zOrder: ZOrder.grid, isDynamic: false) { r in
                    var path = Path()
                    for x in layout.xTicks {
                        path.move(to: Point(x: t.layoutX(x), y: area.minY))
                        path.line(to: Point(x: t.layoutX(x), y: area.maxY))
                    }
                    for y in layout.yTicks {
                        path.move(to: Point(x: area.minX, y: t.layoutY(y)))
                        path.line(to: Point(x: area.maxX, y: t.layoutY(y)))
                    }
                    guard !path.isEmpty else { return }
                    r.stroke(
                        path,
                        style: StrokeStyle(
                            width: points.layout(theme.gridWidthPoints), color: theme.gridColor,
                            snapToPixels: true))
                })
        }

        items.append(
            DrawItem(zOrder: ZOrder.spines, isDynamic: false) { r in
                r.stroke(
                    .rectangle(area),
                    style: StrokeStyle(width: theme.spineWidth, color: theme.spineColor, snapToPixels: true))
            })

        // Ticks, tick labels, offset texts and axis labels (static: measured here).
        // Labelled minor ticks (a log axis showing at most one decade) are drawn like major
        // ones, a minor tick length from the spine; linear axes have none.
        let xMinor = zip(layout.xMinorTicks, layout.xMinorTickLabels).filter { !$0.1.isEmpty }
        let yMinor = zip(layout.yMinorTicks, layout.yMinorTickLabels).filter { !$0.1.isEmpty }
        let xLabelHeight = (layout.xTickLabels + xMinor.map(\.1)).map { measure($0, font).height }.max() ?? 0
        let yLabelExtents = layout.yTickLabels.map { measure($0, font) }
        let yMinorExtents = yMinor.map { measure($0.1, font) }
        let yLabelWidth = (yLabelExtents + yMinorExtents).map(\.width).max() ?? 0
        let yLabelAscents = yLabelExtents.map(\.ascent)
        let xLabelsBottom = area.maxY + tickLength + tickPad + xLabelHeight
        let yLabelsLeft = area.minX - tickLength - tickPad - yLabelWidth
        let (xLabel, yLabel) = (self.xLabel, self.yLabel)
        items.append(
            DrawItem(zOrder: ZOrder.spines, isDynamic: false) { r in
                // Outward tick marks below the x axis and left of the y axis, one path a size.
                func strokeTicks(x xs: [Double], y ys: [Double], length: Double, width: Double) {
                    var ticks = Path()
                    for x in xs {
                        ticks.move(to: Point(x: t.layoutX(x), y: area.maxY))
                        ticks.line(to: Point(x: t.layoutX(x), y: area.maxY + length))
                    }
                    for y in ys {
                        ticks.move(to: Point(x: area.minX, y: t.layoutY(y)))
                        ticks.line(to: Point(x: area.minX - length, y: t.layoutY(y)))
                    }
                    guard !ticks.isEmpty else { return }
                    r.stroke(
                        ticks, style: StrokeStyle(width: width, color: theme.spineColor, snapToPixels: true))
                }
                strokeTicks(x: layout.xTicks, y: layout.yTicks, length: tickLength, width: theme.tickWidth)
                strokeTicks(
                    x: layout.xMinorTicks, y: layout.yMinorTicks, length: minorTickLength,
                    width: theme.minorTickWidth)
                for (x, label) in xMinor {
                    r.drawText(
                        label, at: Point(x: t.layoutX(x), y: area.maxY + minorTickLength + tickPad),
                        font: font,
                        color: textColor, anchor: TextAnchor(.center, .top), rotation: 0)
                }
                for ((y, label), extent) in zip(yMinor, yMinorExtents) {
                    r.drawText(
                        label,
                        at: Point(
                            x: area.minX - minorTickLength - tickPad, y: t.layoutY(y) + extent.ascent / 2),
                        font: font, color: textColor, anchor: TextAnchor(.right, .baseline), rotation: 0)
                }
                for (x, label) in zip(layout.xTicks, layout.xTickLabels) {
                    r.drawText(
                        label, at: Point(x: t.layoutX(x), y: area.maxY + tickLength + tickPad), font: font,
                        color: textColor, anchor: TextAnchor(.center, .top), rotation: 0)
                }
                // matplotlib's y tick labels are 'center_baseline' aligned: the tick points at the
                // middle of the label's ascent, so the baseline is half an ascent below it
                // (digits sit on the same baseline whatever the descent of the font).
                for ((y, label), ascent) in zip(zip(layout.yTicks, layout.yTickLabels), yLabelAscents) {
                    r.drawText(
                        label, at: Point(x: area.minX - tickLength - tickPad, y: t.layoutY(y) + ascent / 2),
                        font: font,
                        color: textColor, anchor: TextAnchor(.right, .baseline), rotation: 0)
                }
                if !layout.xOffsetText.isEmpty {
                    r.drawText(
                        layout.xOffsetText, at: Point(x: area.maxX, y: xLabelsBottom + offsetPad), font: font,
                        color: textColor, anchor: TextAnchor(.right, .top), rotation: 0)
                }
                if !layout.yOffsetText.isEmpty {
                    r.drawText(
                        layout.yOffsetText, at: Point(x: area.minX, y: area.minY - offsetPad), font: font,
                        color: textColor, anchor: TextAnchor(.left, .baseline), rotation: 0)
                }
                let labelPad = points.layout(theme.axisLabelPadPoints)
                if let xLabel, !xLabel.isEmpty {
                    r.drawText(
                        xLabel, at: Point(x: area.center.x, y: xLabelsBottom + labelPad), font: font,
                        color: textColor, anchor: TextAnchor(.center, .top), rotation: 0)
                }
                if let yLabel, !yLabel.isEmpty {
                    r.drawText(
                        yLabel, at: Point(x: yLabelsLeft - labelPad, y: area.center.y), font: font,
                        color: textColor, anchor: TextAnchor(.center, .bottom), rotation: 90)
                }
            })

        if let title, !title.isEmpty {
            let titleFont = Font(family: theme.fontFamily, size: points.layout(theme.titleSizePoints))
            let position = Point(x: area.center.x, y: area.minY - points.layout(theme.titlePadPoints))
            items.append(
                DrawItem(zOrder: ZOrder.title, isDynamic: titleIsDynamic) { r in
                    r.drawText(
                        title, at: position, font: titleFont, color: textColor,
                        anchor: TextAnchor(.center, .baseline), rotation: 0)
                })
        }

        if let legendLocation,
            let legend = LegendLayout.make(
                marks: marks, location: legendLocation, transform: t, theme: theme, points: points,
                measure: measure)
        {
            items.append(
                DrawItem(zOrder: ZOrder.legend, isDynamic: false) { r in
                    legend.draw(on: r, theme: theme, points: points)
                })
        }
        // Marks last: at an equal z-order the axes' own parts (spines, title…) paint first.
        for mark in marks {
            items.append(
                DrawItem(zOrder: mark.zOrder, isDynamic: mark.isDynamic) { r in
                    let context = MarkContext(renderer: r, transform: t, theme: theme, points: points)
                    if mark.isClippedToPlotArea {
                        r.save()
                        r.clip(to: area)
                        mark.draw(in: context)
                        r.restore()
                    } else {
                        mark.draw(in: context)
                    }
                })
        }

        if let split = dynamicUnderlayZOrder {
            for i in items.indices {
                items[i].isSplitByUnderlay =
                    items[i].isDynamic ? items[i].zOrder < split : items[i].zOrder >= split
            }
        }
        return items
    }
}
