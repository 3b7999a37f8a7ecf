extension HTMLReportPage {
    /// The page's style: light, compact, images never wider than the page.
    static let css = """
        :root { --pass: #1a7f37; --fail: #cf222e; --missing: #9a6700; --extra: #8250df; --error: #bc4c00; }
        body { font: 14px/1.45 system-ui, -apple-system, "DejaVu Sans", sans-serif; margin: 0; color: #1f2328; background: #f6f8fa; }
        header { background: #fff; border-bottom: 1px solid #d0d7de; padding: 12px 20px; }
        h1 { font-size: 18px; margin: 0 0 6px; word-break: break-all; }
        main { padding: 12px 20px 40px; }
        .verdict { display: inline-block; font-weight: 700; padding: 2px 10px; border-radius: 4px; color: #fff; margin: 0 12px 0 0; }
        .verdict.pass { background: var(--pass); } .verdict.fail { background: var(--fail); }
        .counts { display: inline-flex; gap: 14px; list-style: none; padding: 0; margin: 0; }
        .counts li.pass b { color: var(--pass); } .counts li.fail b { color: var(--fail); }
        .counts li.missing b { color: var(--missing); } .counts li.extra b { color: var(--extra); } .counts li.error b { color: var(--error); }
        .tolerance { color: #57606a; margin: 6px 0 0; }
        table { border-collapse: collapse; background: #fff; }
        .summary { width: 100%; margin-bottom: 16px; }
        th, td { border: 1px solid #d0d7de; padding: 3px 8px; text-align: left; vertical-align: top; }
        .summary td:nth-child(3), .summary td:nth-child(4), .summary td:nth-child(5) { text-align: right; font-variant-numeric: tabular-nums; }
        .badge { display: inline-block; min-width: 52px; text-align: center; font-size: 12px; font-weight: 700; text-transform: uppercase; color: #fff; border-radius: 3px; padding: 0 4px; }
        .badge.pass { background: var(--pass); } .badge.fail { background: var(--fail); } .badge.missing { background: var(--missing); }
        .badge.extra { background: var(--extra); } .badge.error { background: var(--error); }
        .item { background: #fff; border: 1px solid #d0d7de; border-radius: 6px; margin: 0 0 14px; padding: 6px 12px; }
        summary { cursor: pointer; padding: 4px 0; } .name { font-weight: 600; word-break: break-all; } .why { color: #57606a; }
        .views, .tiles { display: flex; flex-wrap: wrap; gap: 12px; }
        figure { margin: 6px 0; } figcaption { font-size: 12px; color: #57606a; }
        .views figure { flex: 1 1 260px; max-width: calc(33.3% - 8px); min-width: 200px; }
        .frame { position: relative; line-height: 0;
          background: repeating-conic-gradient(#e6e6e6 0% 25%, #fff 0% 50%) 0 0 / 16px 16px; }
        .frame img, .wipe img { width: 100%; height: auto; display: block; }
        .frame img.overlay, .wipe img.overlay { position: absolute; left: 0; top: 0; height: 100%; pointer-events: none; }
        .absent { border: 1px dashed #d0d7de; color: #8c959f; padding: 30px; text-align: center; }
        .compare { margin: 10px 0; }
        .wipe { position: relative; width: 100%; line-height: 0; overflow: hidden; border: 1px solid #d0d7de;
          background: repeating-conic-gradient(#e6e6e6 0% 25%, #fff 0% 50%) 0 0 / 16px 16px; }
        .wipe img.under, .wipe img.over { position: absolute; left: 0; top: 0; height: 100%; }
        .wipe .handle { position: absolute; top: 0; bottom: 0; left: 50%; width: 2px; margin-left: -1px; background: #0969da; box-shadow: 0 0 0 1px #fff; pointer-events: none; }
        .wipe.blinking .handle { display: none; }
        .handle .tag { position: absolute; top: 6px; font: 600 11px/1.6 system-ui, "DejaVu Sans", sans-serif; color: #fff;
          background: rgba(9, 105, 218, .85); padding: 0 6px; border-radius: 3px; white-space: nowrap; }
        .handle .tag.before { right: 6px; } .handle .tag.after { left: 6px; }
        .compare { max-width: 100%; }
        .controls { margin-top: 6px; display: flex; gap: 16px; align-items: center; flex-wrap: wrap; }
        .controls .slider { width: 240px; vertical-align: middle; }
        .showing { color: #57606a; font-size: 12px; }
        .tile { position: relative; overflow: hidden; border: 1px solid #d0d7de; }
        .tile img { position: absolute; max-width: none; image-rendering: pixelated; }
        .zoom p { margin: 8px 0 0; color: #57606a; }
        .metrics { margin: 8px 0; } .metrics td.ok { color: var(--pass); } .metrics td.over { color: var(--fail); font-weight: 700; }
        .paths, .message { color: #57606a; word-break: break-all; }
        .message { white-space: pre-wrap; } code { font-size: 12px; }
        """

    /// The page's behaviour: the wipe slider and the blink toggle. No network, no storage.
    static let script = """
        "use strict";
        for (const compare of document.querySelectorAll(".compare")) {
          const wipe = compare.querySelector(".wipe");
          const over = compare.querySelector(".over");
          const handle = compare.querySelector(".handle");
          const slider = compare.querySelector(".slider");
          const blink = compare.querySelector(".blink input");
          const showing = compare.querySelector(".showing");
          let timer = null;
          let shown = true;
          const place = () => {
            const value = Number(slider.value);
            over.style.clipPath = "inset(0 " + (100 - value) + "% 0 0)";
            handle.style.left = value + "%";
          };
          slider.addEventListener("input", place);
          blink.addEventListener("change", () => {
            if (blink.checked) {
              wipe.classList.add("blinking");
              over.style.clipPath = "none";
              timer = setInterval(() => {
                shown = !shown;
                over.style.visibility = shown ? "visible" : "hidden";
                showing.textContent = shown ? "showing: " + over.alt : "showing: " + wipe.querySelector(".under").alt;
              }, 500);
            } else {
              clearInterval(timer);
              wipe.classList.remove("blinking");
              over.style.visibility = "visible";
              showing.textContent = "";
              place();
            }
          });
          place();
        }
        """
}
