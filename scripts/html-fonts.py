#!/usr/bin/env python3
"""The fonts headless Chromium sets a bulletin's HTML print in, asked of the browser itself
(DevTools' CSS.getPlatformFontsForNode: the font files' families, as drawn): the title, the
一、 headings, the （一） headings and the body. Fails unless the two headings and the body are
each in a family of their own, so that they can be told apart on paper. A PDF printed by
Chromium embeds CFF fonts without their names, so scripts/measure-print.py cannot say this of
the HTML print.

Usage: html-fonts.py BULLETIN.html (with Debian's python3, chromium-driver and python3-selenium)
"""
import shutil
import sys
from pathlib import Path

from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service

page = Path(sys.argv[1]).resolve()
options = Options()
for arg in ["--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run"]:
    options.add_argument(arg)
options.binary_location = shutil.which("chromium")
browser = webdriver.Chrome(service=Service(shutil.which("chromedriver")), options=options)
try:
    browser.get(page.as_uri())
    browser.execute_cdp_cmd("DOM.enable", {})
    browser.execute_cdp_cmd("CSS.enable", {})
    root = browser.execute_cdp_cmd("DOM.getDocument", {})["root"]["nodeId"]

    def family(selector):
        """The family that set most of the first element `selector` finds."""
        node = browser.execute_cdp_cmd("DOM.querySelector", {"nodeId": root, "selector": selector})
        # The fonts of an element's own text: its first child, the text node.
        described = browser.execute_cdp_cmd("DOM.describeNode", {"nodeId": node["nodeId"], "depth": 1})
        text = next(c for c in described["node"]["children"] if c["nodeType"] == 3)
        pushed = browser.execute_cdp_cmd("DOM.pushNodesByBackendIdsToFrontend", {"backendNodeIds": [text["backendNodeId"]]})
        fonts = browser.execute_cdp_cmd("CSS.getPlatformFontsForNode", {"nodeId": pushed["nodeIds"][0]})["fonts"]
        return max(fonts, key=lambda f: f["glyphCount"])["familyName"]

    kinds = {"title": "h1.title", "一、": "h2", "（一）": "h3", "body": "main p"}
    found = {kind: family(selector) for kind, selector in kinds.items()}
finally:
    browser.quit()

print("html fonts: " + ", ".join(f"{k} {v}" for k, v in found.items()))
failures = [
    f"{a} and {b} are set in one font, {found[a]}"
    for a, b in [("一、", "body"), ("（一）", "body"), ("一、", "（一）")]
    if found[a] == found[b]
]
for f in failures:
    print(f"  {f}")
sys.exit(1 if failures else 0)
