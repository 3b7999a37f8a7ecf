#!/usr/bin/env python3
"""Opens a compare-images HTML report in headless Chromium and checks it as a user would see
it, through the DevTools protocol over a pipe (--remote-debugging-pipe: no port, no network).

    Scripts/report-in-chromium.py REPORT/index.html [--summary-png S.png] [--slider-png W.png]

Checks: the page loads with no console error, no uncaught exception and no failed resource;
every image (after opening every section and loading eagerly) decodes with a size; a real
mouse click on the first wipe slider moves it and the clip of the actual image follows; the
blink toggle alternates the images. Prints a JSON summary; exits 1 on a failed check, 2 when
Chromium cannot be started. Optional screenshots: the summary at the top of the page, and the
first slider dragged to mid-way. Uses only the Python standard library.
"""
import argparse
import base64
import json
import os
import pathlib
import shutil
import subprocess
import sys
import tempfile
import time


class Browser:
    def __init__(self, binary, profile, log):
        r1, w1 = os.pipe()  # we write commands, Chromium reads fd 3
        r2, w2 = os.pipe()  # Chromium writes fd 4, we read

        def child():
            # Move both ends out of the way first: the pipes may themselves be fds 3 and 4.
            a, b = os.dup(r1), os.dup(w2)
            os.dup2(a, 3)
            os.dup2(b, 4)
            os.set_inheritable(3, True)
            os.set_inheritable(4, True)

        args = [binary, "--headless=new", "--remote-debugging-pipe", "--no-sandbox", "--disable-gpu",
                "--no-first-run", "--no-default-browser-check", "--disable-extensions", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-sync", "--mute-audio",
                "--hide-scrollbars", f"--user-data-dir={profile}", "about:blank"]
        self.process = subprocess.Popen(args, preexec_fn=child,
                                        close_fds=False, stdout=subprocess.DEVNULL, stderr=log)
        os.close(r1)
        os.close(w2)
        self.out = os.fdopen(w1, "wb", buffering=0)
        self.inp = os.fdopen(r2, "rb", buffering=0)
        self.buffer = b""
        self.next_id = 0
        self.events = []

    def _read_message(self, deadline):
        while b"\0" not in self.buffer:
            if time.time() > deadline:
                raise TimeoutError("no answer from Chromium")
            chunk = self.inp.read(65536)
            if not chunk:
                raise RuntimeError("Chromium closed the DevTools pipe")
            self.buffer += chunk
        message, self.buffer = self.buffer.split(b"\0", 1)
        return json.loads(message)

    def send(self, method, params=None, session=None, timeout=30):
        self.next_id += 1
        message = {"id": self.next_id, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = session
        self.out.write(json.dumps(message).encode() + b"\0")
        deadline = time.time() + timeout
        while True:
            reply = self._read_message(deadline)
            if reply.get("id") == self.next_id:
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error']}")
                return reply.get("result", {})
            self.events.append(reply)

    def wait_event(self, method, timeout=30):
        deadline = time.time() + timeout
        for i, event in enumerate(self.events):
            if event.get("method") == method:
                return self.events.pop(i)
        while True:
            event = self._read_message(deadline)
            if event.get("method") == method:
                return event
            self.events.append(event)

    def close(self):
        try:
            self.send("Browser.close", timeout=5)
        except Exception:
            pass
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()


CHECK_IMAGES = """
(async () => {
  for (const d of document.querySelectorAll('details')) d.open = true;
  const images = [...document.images];
  const failures = [];
  await Promise.all(images.map(async (img) => {
    img.loading = 'eager';
    try { await img.decode(); } catch (e) { failures.push(img.getAttribute('src')); return; }
    if (!(img.naturalWidth > 0 && img.naturalHeight > 0)) failures.push(img.getAttribute('src'));
  }));
  for (const d of document.querySelectorAll('section.pass details')) d.open = false;
  return JSON.stringify({count: images.length, failures});
})()
"""

SLIDER_STATE = """
(() => {
  const c = document.querySelector('.compare');
  if (!c) return JSON.stringify(null);
  const s = c.querySelector('.slider');
  const r = s.getBoundingClientRect();
  const box = c.getBoundingClientRect();
  return JSON.stringify({value: Number(s.value), clip: c.querySelector('.over').style.clipPath,
    handle: c.querySelector('.handle').style.left, visibility: c.querySelector('.over').style.visibility,
    x: r.left, y: r.top, width: r.width, height: r.height,
    box: {x: box.left, y: box.top + window.scrollY, width: box.width, height: box.height},
    blink: (() => { const b = c.querySelector('.blink input').getBoundingClientRect();
                    return {x: b.left + b.width / 2, y: b.top + b.height / 2}; })()});
})()
"""


def evaluate(browser, session, expression):
    result = browser.send("Runtime.evaluate", {"expression": expression, "awaitPromise": True,
                                               "returnByValue": True}, session)
    if "exceptionDetails" in result:
        raise RuntimeError(f"page script failed: {result['exceptionDetails']}")
    return json.loads(result["result"]["value"])


def mouse(browser, session, kind, x, y):
    browser.send("Input.dispatchMouseEvent", {"type": kind, "x": x, "y": y, "button": "left",
                                              "clickCount": 1}, session)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("report")
    parser.add_argument("--summary-png")
    parser.add_argument("--slider-png")
    parser.add_argument("--chromium", default=os.environ.get("CHROMIUM") or shutil.which("chromium")
                        or shutil.which("chromium-browser") or shutil.which("google-chrome"))
    options = parser.parse_args()
    if not options.chromium:
        print("report-in-chromium: no chromium found (Scripts/setup.sh --with-chromium)", file=sys.stderr)
        return 2
    url = pathlib.Path(options.report).resolve().as_uri()
    problems = []
    with tempfile.TemporaryDirectory(prefix="report-chromium-") as profile:
        try:
            log = open(os.path.join(profile, 'chromium.log'), 'w')
            browser = Browser(options.chromium, profile, log)
            target = browser.send("Target.createTarget", {"url": "about:blank"})["targetId"]
            session = browser.send("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
        except Exception as error:
            log.flush()
            tail = open(os.path.join(profile, 'chromium.log')).read()[-600:].replace("\n", " | ")
            print(f"report-in-chromium: cannot drive {options.chromium}: {error}; its log: {tail}", file=sys.stderr)
            return 2
        try:
            for domain in ("Runtime", "Log", "Page"):
                browser.send(f"{domain}.enable", session=session)
            browser.send("Emulation.setDeviceMetricsOverride",
                         {"width": 1280, "height": 900, "deviceScaleFactor": 1, "mobile": False}, session)
            browser.send("Page.navigate", {"url": url}, session)
            browser.wait_event("Page.loadEventFired")
            images = evaluate(browser, session, CHECK_IMAGES)
            if images["count"] == 0:
                problems.append("the page shows no image")
            for src in images["failures"]:
                problems.append(f"image does not decode: {src}")

            state = evaluate(browser, session, SLIDER_STATE)
            slider = {}
            if state is None:
                problems.append("no wipe slider on the page")
            else:
                # Bring the slider into view, then click a quarter of the way along it.
                evaluate(browser, session, "(() => { document.querySelector('.compare').scrollIntoView({block: 'center'}); return 'null'; })()")
                state = evaluate(browser, session, SLIDER_STATE)
                y = state["y"] + state["height"] / 2
                x25 = state["x"] + state["width"] * 0.25
                x50 = state["x"] + state["width"] * 0.5
                mouse(browser, session, "mousePressed", x25, y)
                mouse(browser, session, "mouseReleased", x25, y)
                quarter = evaluate(browser, session, SLIDER_STATE)
                # Then drag the thumb from there to mid-way.
                mouse(browser, session, "mousePressed", x25, y)
                for step in range(1, 6):
                    mouse(browser, session, "mouseMoved", x25 + (x50 - x25) * step / 5, y)
                mouse(browser, session, "mouseReleased", x50, y)
                half = evaluate(browser, session, SLIDER_STATE)
                slider = {"start": state["value"], "after click at 25%": quarter["value"],
                          "clip": quarter["clip"], "after drag to 50%": half["value"], "clip at 50%": half["clip"]}
                if not (20 <= quarter["value"] <= 30):
                    problems.append(f"clicking the slider at 25% gave {quarter['value']}")
                if quarter["clip"] != f"inset(0px {100 - quarter['value']:g}% 0px 0px)" and \
                        quarter["clip"] != f"inset(0 {100 - quarter['value']:g}% 0 0)":
                    problems.append(f"the actual image's clip does not follow the slider: {quarter['clip']}")
                if not (45 <= half["value"] <= 55):
                    problems.append(f"dragging the slider to 50% gave {half['value']}")
                if options.slider_png:
                    box = half["box"]
                    shot = browser.send("Page.captureScreenshot", {"format": "png", "captureBeyondViewport": True,
                                        "clip": {"x": box["x"], "y": box["y"], "width": box["width"],
                                                 "height": box["height"], "scale": 1}}, session)
                    pathlib.Path(options.slider_png).write_bytes(base64.b64decode(shot["data"]))
                # Blink: the actual image must alternate.
                mouse(browser, session, "mousePressed", half["blink"]["x"], half["blink"]["y"])
                mouse(browser, session, "mouseReleased", half["blink"]["x"], half["blink"]["y"])
                seen = set()
                for _ in range(8):
                    time.sleep(0.2)
                    seen.add(evaluate(browser, session, SLIDER_STATE)["visibility"])
                slider["blink visibilities"] = sorted(seen)
                if not {"hidden", "visible"} <= seen:
                    problems.append(f"blink did not alternate the images: {sorted(seen)}")
                mouse(browser, session, "mousePressed", half["blink"]["x"], half["blink"]["y"])
                mouse(browser, session, "mouseReleased", half["blink"]["x"], half["blink"]["y"])

            if options.summary_png:
                evaluate(browser, session, "(() => { window.scrollTo(0, 0); return 'null'; })()")
                time.sleep(0.2)
                shot = browser.send("Page.captureScreenshot", {"format": "png"}, session)
                pathlib.Path(options.summary_png).write_bytes(base64.b64decode(shot["data"]))
            # Let late events (a failed lazy load) arrive, then collect every error.
            time.sleep(0.3)
            evaluate(browser, session, "'null'")
            console = []
            for event in browser.events:
                method, params = event.get("method"), event.get("params", {})
                if method == "Runtime.exceptionThrown":
                    console.append("exception: " + params["exceptionDetails"].get("text", "")
                                   + " " + str(params["exceptionDetails"].get("exception", {}).get("description", "")))
                elif method == "Runtime.consoleAPICalled" and params.get("type") in ("error", "assert", "warning"):
                    console.append(f"console.{params['type']}: "
                                   + " ".join(str(a.get("value", a.get("description", ""))) for a in params.get("args", [])))
                elif method == "Log.entryAdded" and params["entry"].get("level") in ("error", "warning"):
                    console.append(f"log {params['entry']['level']}: {params['entry'].get('text', '')} {params['entry'].get('url', '')}")
            problems.extend(console)
        finally:
            browser.close()
    print(json.dumps({"url": url, "images": images["count"], "slider": slider, "problems": problems}, indent=2))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
