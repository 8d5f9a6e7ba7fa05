"""Lists in real Chromium: a family saves services with JavaScript on and off, prints the
list to an A4 PDF and opens it on another phone from the QR code's link; a practitioner
builds a plan with notes and prints it. Every list page passes axe."""

from __future__ import annotations

import io
import re

import numpy
import pytest
import zxingcpp
from flask import Flask
from playwright.sync_api import Browser, Page, expect
from pypdf import PdfReader

from directory.models import Role
from tests.support.browser import block_other_hosts, serious_axe_violations
from tests.support.staff import Staff, current_code, make_staff

pytestmark = pytest.mark.browser

A4_POINTS = (595, 842)


def _axe_clean(page: Page, where: str) -> None:
    # From the top: saving lands on the result (#save-...), and wherever a page is scrolled
    # GOV.UK's sticky "Exit this page" button may lie over a link beneath it.
    page.evaluate("window.scrollTo(0, 0)")
    violations = serious_axe_violations(page)
    assert violations == [], f"{where}: {violations}"


def _pdf_text(page: Page) -> tuple[str, PdfReader]:
    """The page printed as Chromium prints it (print stylesheet, A4), and its text."""
    reader = PdfReader(io.BytesIO(page.pdf(prefer_css_page_size=True)))
    return "\n".join(sheet.extract_text() for sheet in reader.pages), reader


def _save_first_results(
    page: Page, base_url: str, words: str, count: int, already: int = 0
) -> list[str]:
    page.goto(f"{base_url}/find-support?q={words}")
    names = []
    for number in range(count):
        button = page.get_by_role("button", name=re.compile("^Save to my list")).first
        label = button.inner_text()
        names.append(label.removeprefix("Save to my list").strip().lstrip(":").strip())
        button.click()
        expect(
            page.get_by_role("link", name=re.compile(f"My list.*{already + number + 1}"))
        ).to_be_visible()
    return names


def _decoded_qr(page: Page) -> str:
    """Read the page's QR code the way a phone would: from its pixels."""
    pixels = page.evaluate(
        """async () => {
            const image = document.querySelector('.app-share__qr');
            await image.decode();
            const canvas = document.createElement('canvas');
            canvas.width = image.naturalWidth * 2;
            canvas.height = image.naturalHeight * 2;
            const context = canvas.getContext('2d');
            context.fillStyle = '#fff';
            context.fillRect(0, 0, canvas.width, canvas.height);
            context.drawImage(image, 0, 0, canvas.width, canvas.height);
            const data = context.getImageData(0, 0, canvas.width, canvas.height).data;
            const grey = [];
            for (let i = 0; i < data.length; i += 4) grey.push(data[i]);
            return {width: canvas.width, height: canvas.height, grey};
        }"""
    )
    image = numpy.array(pixels["grey"], dtype=numpy.uint8).reshape(
        pixels["height"], pixels["width"]
    )
    found = zxingcpp.read_barcodes(image)
    assert len(found) == 1
    return found[0].text


def test_a_family_builds_a_list_prints_it_and_opens_it_on_another_phone(
    browser: Browser, base_url: str
) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    attempts: list[str] = []
    block_other_hosts(page, base_url, attempts)
    names = _save_first_results(page, base_url, "family+centre", 2)
    # With JavaScript on, saving changed the button and the header without a new page.
    assert page.url == f"{base_url}/find-support?q=family+centre"
    expect(page.get_by_role("status").filter(has_text="Saved to your list")).to_have_count(1)
    saved_button = re.compile(rf"^Remove from my list\W+{re.escape(names[0])}$")
    expect(page.get_by_role("button", name=saved_button)).to_be_visible()
    _axe_clean(page, "results with saved services")

    page.get_by_role("link", name=re.compile("My list")).first.click()
    expect(page.locator("h1")).to_have_text("My list")
    for name in names:
        expect(page.get_by_role("heading", name=name, exact=True)).to_be_visible()
    expect(page.get_by_role("button", name="Print this list")).to_be_visible()
    _axe_clean(page, "my list")

    text, reader = _pdf_text(page)
    for name in names:
        assert name in text.replace("\n", " ")
    assert re.search(r"\b0\d{3,4} ?\d{3} ?\d{3,4}\b", text), "phone numbers are printed"
    assert "Clear the list" not in text and "Skip to main content" not in text
    assert "Remove" not in text
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == A4_POINTS

    link = page.locator(".app-share__link a").inner_text()
    assert _decoded_qr(page) == link
    assert re.fullmatch(rf"{re.escape(base_url)}/my-list\?s=[A-Za-z0-9_.-]+&lang=en", link)

    other_phone = browser.new_context().new_page()
    other_phone.goto(link)
    expect(other_phone.locator("h1")).to_have_text("A list shared with you")
    for name in names:
        expect(other_phone.get_by_role("heading", name=name, exact=True)).to_be_visible()
    other_phone.get_by_role("button", name="Keep these services on my list").click()
    expect(other_phone.get_by_text("These services are now on your list")).to_be_visible()
    _axe_clean(other_phone, "kept shared list")

    page.get_by_role("button", name=re.compile(f"^Remove {re.escape(names[0])}")).click()
    expect(page.get_by_role("heading", name=names[0], exact=True)).to_have_count(0)
    page.get_by_role("button", name="Clear the list").click()
    expect(page.locator("h1")).to_have_text("Clear your list?")
    _axe_clean(page, "clear the list?")
    page.get_by_role("button", name="Yes, clear the list").click()
    expect(page.get_by_text("Your list is empty.")).to_be_visible()
    assert attempts == []
    context.close()


def test_a_family_saves_with_javascript_off(browser: Browser, base_url: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    names = _save_first_results(page, base_url, "parenting", 1)
    assert re.search(r"#save-[0-9a-f-]{36}$", page.url), "back at the same result"
    page.goto(f"{base_url}/my-list")
    expect(page.get_by_role("heading", name=names[0], exact=True)).to_be_visible()
    text, _ = _pdf_text(page)
    assert names[0] in text.replace("\n", " ")
    context.close()


def _sign_in(page: Page, app: Flask, url: str, staff: Staff) -> None:
    page.goto(url + "/manage/")
    page.get_by_label("Email address").fill(staff.email)
    page.get_by_label("Password").fill(staff.password)
    page.get_by_role("button", name="Continue").click()
    page.get_by_label("Security code").fill(current_code(app, staff))
    page.get_by_role("button", name="Continue").click()
    expect(page.locator("h1")).to_have_text("Staff pages")


def test_a_practitioner_builds_a_plan_with_notes_and_prints_it(
    browser: Browser, browser_app: Flask, base_url: str
) -> None:
    practitioner = make_staff(browser_app, Role.PRACTITIONER, name="Pat Worker")
    context = browser.new_context()
    page = context.new_page()
    _sign_in(page, browser_app, base_url, practitioner)
    names = _save_first_results(page, base_url, "bereavement", 1)
    names += _save_first_results(page, base_url, "speech", 1, already=1)

    page.goto(f"{base_url}/my-list")
    page.get_by_role("link", name="Make a plan with notes for the family").click()
    expect(page.locator("h1")).to_have_text("Plan list: services for a family’s plan")
    expect(page.get_by_text("No personal data about the family is stored.")).to_be_visible()
    _axe_clean(page, "plan list")
    page.get_by_label(f"Note for the family about {names[0]}").fill("Ring on Tuesday morning.")
    page.get_by_role("button", name="Print for the family").click()
    expect(page.locator("h1")).to_have_text("Services that can help you")
    expect(page.get_by_text("Ring on Tuesday morning.")).to_be_visible()
    _axe_clean(page, "plan printout")

    text, reader = _pdf_text(page)
    flat = text.replace("\n", " ")
    assert "Ring on Tuesday morning." in flat
    for name in names:
        assert name in flat
    assert "Sign out" not in text and "Print for the family" not in text
    assert len(reader.pages) >= 1
    context.close()
