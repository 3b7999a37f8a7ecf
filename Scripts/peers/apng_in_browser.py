#!/usr/bin/env python3
"""Checks that a current browser plays an animated PNG: opens it in headless Chromium
(selenium + chromedriver) and screenshots it every half second; an animation shows several
distinct frames, a plain PNG one.

    apng_in_browser.py FILE.png [SECONDS]

Needs `apt-get install chromium chromium-driver` and `pip install selenium` (a developer
check, not part of the test suite: render-fit itself never needs a browser).
"""
import hashlib
import pathlib
import sys
import time

from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service


def main(path, seconds=4.0):
    page = pathlib.Path(path).resolve().with_suffix(".check.html")
    page.write_text(f'<html><body style="margin:0"><img src="{pathlib.Path(path).resolve().as_uri()}"></body></html>')
    options = Options()
    for argument in ["--headless=new", "--no-sandbox", "--disable-gpu", "--hide-scrollbars"]:
        options.add_argument(argument)
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    try:
        driver.get(page.as_uri())
        seen = []
        start = time.time()
        while time.time() - start < seconds:
            time.sleep(0.5)
            seen.append(hashlib.md5(driver.get_screenshot_as_png()).hexdigest())
        print(f"{driver.capabilities.get('browserVersion', '?')}: {len(set(seen))} distinct frames in {len(seen)} screenshots")
        return 0 if len(set(seen)) > 1 else 1
    finally:
        driver.quit()
        page.unlink()


if __name__ == "__main__":
    if len(sys.argv) not in (2, 3):
        sys.exit(__doc__)
    sys.exit(main(sys.argv[1], *(float(a) for a in sys.argv[2:])))
