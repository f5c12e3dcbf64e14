#!/usr/bin/env python3
"""The web console in a real browser: headless Debian chromium driven by selenium.

Loads the console of a running `wallet-server --console`, submits the create_wallet form with a
bad user_id (the spec language's message must be shown beside that field, and nothing
recorded) and then with a good one (the new state must be shown), follows the new wallet to
its stream page, watches the live view receive an event, and saves screenshots (desktop and
phone width) into the folder given.

Usage: console.py BASE_URL SCREENSHOT_DIR
"""

import json
import shutil
import sys
import urllib.request
import uuid
from pathlib import Path

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import WebDriverWait

BAD_USER_ID_MESSAGE = "must be a valid UUID string"


def fail(message):
    print(f"console.py: {message}", file=sys.stderr)
    sys.exit(1)


def driver(width, height, phone=False):
    options = webdriver.ChromeOptions()
    options.binary_location = shutil.which("chromium") or "/usr/bin/chromium"
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                     f"--window-size={width},{height}"):
        options.add_argument(argument)
    browser = webdriver.Chrome(service=Service(shutil.which("chromedriver") or "/usr/bin/chromedriver"), options=options)
    if phone:
        # A window is at least 500 px wide; a phone's screen is narrower.
        browser.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                                {"width": width, "height": height, "deviceScaleFactor": 2, "mobile": True})
    return browser


def stream_count(base):
    """The number of streams the console's streams page lists."""
    with urllib.request.urlopen(f"{base}/console/streams") as response:
        return response.read().decode().count('<tr><td><a href="/console/streams/')


def field_errors(browser, name):
    return [item.text for item in browser.find_elements(By.CSS_SELECTOR, f'[data-field="{name}"] ul.errors li')]


def submit_create_wallet(browser, base, user_id):
    browser.get(f"{base}/console/commands/create_wallet")
    field = browser.find_element(By.ID, "input-user_id")
    field.clear()
    field.send_keys(user_id)
    browser.find_element(By.CSS_SELECTOR, "form.console-form button[type=submit]").click()
    WebDriverWait(browser, 10).until(EC.presence_of_element_located((By.ID, "result")))


def main():
    if len(sys.argv) != 3:
        fail("usage: console.py BASE_URL SCREENSHOT_DIR")
    base, shots = sys.argv[1].rstrip("/"), Path(sys.argv[2])
    shots.mkdir(parents=True, exist_ok=True)
    browser = driver(1280, 1000)
    try:
        browser.get(f"{base}/console")
        if "Wallet" not in browser.find_element(By.TAG_NAME, "h2").text:
            fail("the console's first page does not list the Wallet aggregate")
        browser.save_screenshot(str(shots / "console-index.png"))

        # A bad user_id: the message beside the field, nothing recorded.
        streams_before = stream_count(base)
        submit_create_wallet(browser, base, "not-a-uuid")
        errors = field_errors(browser, "user_id")
        if errors != [BAD_USER_ID_MESSAGE]:
            fail(f"after a bad user_id the user_id field shows {errors}, not ['{BAD_USER_ID_MESSAGE}']")
        if field_errors(browser, "balance"):
            fail("the balance field shows messages although its value was good")
        if stream_count(base) != streams_before:
            fail("a refused create_wallet recorded a stream")
        browser.save_screenshot(str(shots / "console-refused.png"))

        # A good one: the new state.
        user_id = str(uuid.uuid4())
        submit_create_wallet(browser, base, user_id)
        result = browser.find_element(By.ID, "result").text
        if "Dispatched: the Wallet is at version 1." not in result or user_id not in result:
            fail(f"after a good user_id the page shows {result!r}, not the new state")
        if any(browser.find_elements(By.CSS_SELECTOR, "ul.errors")):
            fail("the page shows messages after a good submit")
        browser.save_screenshot(str(shots / "console-created.png"))

        # The stream page of the new wallet.
        browser.find_element(By.CSS_SELECTOR, "#result table a").click()
        WebDriverWait(browser, 10).until(EC.presence_of_element_located((By.ID, "events")))
        stream_page = browser.current_url
        if "wallet_created" not in browser.find_element(By.ID, "events").text:
            fail("the stream page of the new wallet does not show its wallet_created event")

        # The live view: an event recorded after the page opened appears on it.
        browser.get(f"{base}/console/live")
        WebDriverWait(browser, 10).until(EC.text_to_be_present_in_element((By.ID, "live-status"), "Connected"))
        request = urllib.request.Request(
            f"{base}/commands/create_wallet",
            data=json.dumps({"user_id": user_id, "balance": 5}).encode(),
            headers={"Content-Type": "application/json"},
            method="POST",
        )
        with urllib.request.urlopen(request) as response:
            if response.status != 200:
                fail(f"POST /commands/create_wallet answered {response.status}")
        WebDriverWait(browser, 10).until(EC.text_to_be_present_in_element((By.ID, "live-events"), "wallet_created"))
        browser.save_screenshot(str(shots / "console-live.png"))
    finally:
        browser.quit()

    # The same form at a phone's width, with the messages of a refusal.
    phone = driver(390, 844, phone=True)
    try:
        submit_create_wallet(phone, base, "not-a-uuid")
        if field_errors(phone, "user_id") != [BAD_USER_ID_MESSAGE]:
            fail("at a phone's width the user_id field does not show its message")
        if phone.execute_script("return document.documentElement.scrollWidth > window.innerWidth"):
            fail("at a phone's width the command page is wider than the screen")
        phone.save_screenshot(str(shots / "console-phone.png"))
        phone.get(stream_page)
        if phone.execute_script("return document.documentElement.scrollWidth > window.innerWidth"):
            fail("at a phone's width the stream page is wider than the screen")
        phone.save_screenshot(str(shots / "console-phone-stream.png"))
    finally:
        phone.quit()
    print(f"console.py: the console works in chromium; screenshots in {shots}")


if __name__ == "__main__":
    main()
