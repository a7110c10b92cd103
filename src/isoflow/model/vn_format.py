"""Vietnamese administrative writing: Decree 30/2020 dates, numbers, durations and labels.

Pure functions, shared by the forms and the procedure document, so that every date a form
prints follows one rule ("ngày 05 tháng 02 năm 2026", "ngày 05 tháng 7 năm 2026").
"""

from __future__ import annotations

import unicodedata
from datetime import date, datetime
from decimal import Decimal
from typing import TypeVar, cast

T = TypeVar("T")
BLANK = "…………"
RESULT = {"early": "Trước hạn", "on_time": "Đúng hạn", "late": "Quá hạn"}
CHANNEL = {"in_person": "Trực tiếp", "online": "Trực tuyến", "post": "Qua dịch vụ bưu chính công ích"}
COPY = {"original": "Bản chính", "copy": "Bản sao", "certified-copy": "Bản sao chứng thực",
        "original-or-copy": "Bản chính hoặc bản sao"}
OUTCOME = {"granted": "Đã trả kết quả", "refused": "Từ chối", "withdrawn": "Rút hồ sơ", "stopped": "Dừng giải quyết"}
LEVEL = {"ministry": "Cấp bộ, ngành", "province": "Cấp tỉnh", "commune": "Cấp xã"}
ONLINE = {"full": "Dịch vụ công trực tuyến toàn trình", "partial": "Dịch vụ công trực tuyến một phần",
          "none": "Không cung cấp dịch vụ công trực tuyến"}


def nfc(value: T) -> T:
    """Every string in ``value`` in NFC: Vietnamese typed on some keyboards arrives decomposed
    (NFD), which prints the same but searches, sorts and signs differently."""
    if isinstance(value, str):
        return cast(T, unicodedata.normalize("NFC", value))
    if isinstance(value, dict):
        return cast(T, {k: nfc(v) for k, v in value.items()})
    if isinstance(value, list | tuple):
        return cast(T, [nfc(v) for v in value])
    return value


def vn_date(day: date) -> str:
    """``ngày 05 tháng 02 năm 2026``: the day padded below 10, only months 1 and 2 padded."""
    month = f"{day.month:02d}" if day.month < 3 else str(day.month)
    return f"ngày {day.day:02d} tháng {month} năm {day.year}"


def vn_datetime(moment: datetime | None) -> str:
    """``09 giờ 30 phút, ngày 05 tháng 02 năm 2026`` (the forms' "… giờ … phút, ngày …")."""
    if moment is None:
        return BLANK
    return f"{moment.hour:02d} giờ {moment.minute:02d} phút, {vn_date(moment.date())}"


def vn_short(moment: datetime | None) -> str:
    """``09:30 05/02/2026`` for table cells."""
    return f"{moment:%H:%M %d/%m/%Y}" if moment is not None else ""


def vn_day(moment: datetime | None) -> str:
    """``05/02/2026``: the book's "Ngày, tháng, năm" columns."""
    return f"{moment:%d/%m/%Y}" if moment is not None else ""


def vn_number(value: Decimal | int) -> str:
    """``1,5`` and ``1.500.000``: Vietnamese decimal comma and thousands dot."""
    text = f"{Decimal(value).normalize():,f}"
    return text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")


def vn_money(amount: int) -> str:
    """``50.000 đồng``, or ``Không`` for a procedure without fee."""
    return f"{vn_number(amount)} đồng" if amount else "Không"


def duration_text(amount: Decimal, unit: str) -> str:
    """``02 giờ làm việc``, ``1,5 ngày làm việc``: budgets as the step table writes them."""
    number = f"{int(amount):02d}" if amount == int(amount) else vn_number(amount)
    return f"{number} {'giờ' if unit == 'h' else 'ngày'} làm việc"


def retention_text(retention: str | None) -> str:
    """``5y`` → ``05 năm``; ``permanent`` → ``Vĩnh viễn``."""
    if not retention:
        return ""
    if retention == "permanent":
        return "Vĩnh viễn"
    if retention.endswith("y") and retention[:-1].isdigit():
        return f"{int(retention[:-1]):02d} năm"
    return retention


def short_name(name: str) -> str:
    """A form or record name without its trailing "(Mẫu số ...)" note, for tables."""
    head, paren, _ = name.partition(" (")
    return head if paren and head else name
