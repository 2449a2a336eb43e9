"""`weekly preview` in headless Chromium (scripts/test-preview.sh): the page opened as a
browser opens it, the issue saved as editors save it, and the page seen to follow: a change
shown, a finding shown above the last page and gone when mended. Prints how long each took.

Usage: preview.py WEEKLY EXAMPLES_DIR"""
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By

weekly, examples = sys.argv[1], sys.argv[2]
work = tempfile.mkdtemp()
for name in ["2023-38.yaml", "2023-39.yaml", "2023-40.yaml"]:
    shutil.copy(os.path.join(examples, name), work)
issue_path = os.path.join(work, "2023-40.yaml")
issue = open(issue_path, encoding="utf-8").read()

server = subprocess.Popen(
    [weekly, "preview", "2023-40.yaml"],
    cwd=work,
    stderr=subprocess.PIPE,
    text=True,
    env={**os.environ, "LANG": "zh_CN.UTF-8"},
)
said = server.stderr.readline()
url = re.search(r"http://127\.0\.0\.1:\d+/", said).group(0)

options = Options()
for arg in ["--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run"]:
    options.add_argument(arg)
options.binary_location = shutil.which("chromium")
browser = webdriver.Chrome(service=Service(shutil.which("chromedriver")), options=options)
failures = []


def text():
    return browser.find_element(By.TAG_NAME, "body").text


def findings():
    return [e.text for e in browser.find_elements(By.ID, "weekly-findings")]


def save(content):
    """Saved as editors save: written beside, then renamed over the file."""
    beside = os.path.join(work, ".2023-40.yaml.tmp")
    with open(beside, "w", encoding="utf-8") as f:
        f.write(content)
    os.replace(beside, issue_path)
    return time.monotonic()


def seen(what, done, since):
    while time.monotonic() - since < 10:
        try:
            if done():
                took = time.monotonic() - since
                print(f"preview: {what} in {took * 1000:.0f} ms")
                return
        except Exception:
            pass
        time.sleep(0.01)
    failures.append(f"not seen within 10 s: {what}")


try:
    browser.get(url)
    if "受理 512 件" not in text():
        failures.append("the first page lacks the week's figures")
    seen("a figure changed", lambda: "受理 513 件" in text(), save(issue.replace("week: 512", "week: 513")))
    slipped = issue.replace("week: 512", "week: 513").replace("  publisher: ", "  publisher：")
    seen(
        "the finding of a slip, above the last page",
        lambda: any("E001" in f for f in findings()) and "受理 513 件" in text(),
        save(slipped),
    )
    seen("the finding gone when mended", lambda: not findings(), save(issue))
    if "受理 512 件" not in text():
        failures.append("the mended page lacks the week's figures")
finally:
    browser.quit()
    server.terminate()
    shutil.rmtree(work, ignore_errors=True)

if failures:
    print("\n".join(failures), file=sys.stderr)
    sys.exit(1)
