"""``isoflow document ...``: official documents (văn bản đến/đi, Decree 30/2020).

``isoflow document verify FILE.pdf --trust ROOT.pem`` says who signed, when, whether each
certificate chains to a trusted root, and whether the file changed after signing.  Exit codes:
0 only when every signature is valid and trusted and nothing was added after the last one; 1
for an invalid, untrusted, expired, tampered, changed or unsigned file (one line saying why,
in Vietnamese for the clerk); 2 for a usage problem (a missing option, an unreadable trust
root).  ``--format json`` has English keys for scripts.

The group is :data:`document`; another command joins it with ``@document.command()`` here, or
``document.add_command(...)`` from its own module before ``cli/main.py`` registers the group.
The signing edge (pyHanko) is imported when a command runs, so ``isoflow --help`` stays fast.
"""

from __future__ import annotations

import json
import logging
import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import TYPE_CHECKING

import click

from isoflow.errors import IsoflowError

if TYPE_CHECKING:
    from isoflow.signing.verify import SignatureCheck, Verdict

EXIT_VALID, EXIT_INVALID, EXIT_USAGE = 0, 1, 2
VIETNAM = timezone(timedelta(hours=7), "+07:00")

#: The verdicts as the clerk reads them, by :class:`isoflow.signing.Status` value.
VERDICTS_VI = {
    "valid": "HỢP LỆ: mọi chữ ký hợp lệ, được tin cậy, tệp không thay đổi sau chữ ký cuối cùng",
    "modified": "KHÔNG HỢP LỆ: tệp đã bị thay đổi sau chữ ký cuối cùng",
    "untrusted": "KHÔNG HỢP LỆ: chứng thư số của người ký không do tổ chức được tin cậy cấp",
    "expired": "KHÔNG HỢP LỆ: chứng thư số của người ký đã hết hạn hoặc chưa có hiệu lực",
    "invalid": "KHÔNG HỢP LỆ: chữ ký số không đúng",
    "tampered": "KHÔNG HỢP LỆ: nội dung đã bị sửa sau khi ký",
    "unsigned": "KHÔNG HỢP LỆ: tệp không có chữ ký số",
}


@click.group()
def document() -> None:
    """Official documents (văn bản): check their digital signatures."""


@document.command("verify")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--trust", "trust", multiple=True, required=True,
              type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="A trusted root certificate, PEM or DER (repeatable); nothing else is trusted.")
@click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text", show_default=True)
def verify(file: Path, trust: tuple[Path, ...], output_format: str) -> None:
    """Check the signatures of a signed PDF: who, when, chain, changed after signing."""
    from isoflow.signing.verify import load_roots, verify_pdf

    # pyHanko logs each failed path search with a traceback; the verdict already says it in one line.
    for name in ("pyhanko", "pyhanko_certvalidator"):
        logging.getLogger(name).setLevel(logging.CRITICAL)
    try:
        roots = load_roots(trust)
    except IsoflowError as error:
        click.echo(f"isoflow: {error}", err=True)
        sys.exit(EXIT_USAGE)
    try:
        verdict = verify_pdf(file.read_bytes(), roots)
    except (IsoflowError, OSError) as error:
        if output_format == "json":
            click.echo(json.dumps({"file": str(file), "status": "unreadable", "ok": False, "problem": str(error),
                                   "signatures": []}, ensure_ascii=False, indent=2))
        click.echo(f"isoflow: {file}: KHÔNG ĐỌC ĐƯỢC tệp PDF ({error})", err=True)
        sys.exit(EXIT_INVALID)
    if output_format == "json":
        click.echo(json.dumps({"file": str(file), **verdict.as_dict()}, ensure_ascii=False, indent=2))
    else:
        click.echo(_as_text(file, verdict))
    if not verdict.ok:
        click.echo(f"isoflow: {file}: {VERDICTS_VI[str(verdict.status)]} ({verdict.problem})", err=True)
    sys.exit(EXIT_VALID if verdict.ok else EXIT_INVALID)


def _as_text(file: Path, verdict: Verdict) -> str:
    lines = [f"Tệp: {file}"]
    for number, check in enumerate(verdict.signatures, start=1):
        lines.extend(_signature_lines(number, check))
    lines.append(f"Kết luận: {VERDICTS_VI[str(verdict.status)]}")
    return "\n".join(lines)


def _signature_lines(number: int, check: SignatureCheck) -> list[str]:
    who = check.signer + (f" ({check.organisation})" if check.organisation and check.organisation != check.signer
                          else "")
    modification = _MODIFICATION_VI.get(check.modification, check.modification)
    changed = f"có ({modification})" if check.changed_after else "không"
    return [
        f"Chữ ký {number} [{check.field}]: {who}",
        f"  Thời điểm ký: {_when(check.signed_at)}; dấu thời gian: {_when(check.timestamp)}",
        f"  Chuỗi chứng thư: {' > '.join(check.chain) or 'không dựng được'} "
        f"({'được tin cậy' if check.trusted else 'không được tin cậy'})",
        f"  Toàn vẹn: {'có' if check.intact and check.valid else 'KHÔNG'}; thay đổi sau khi ký: {changed}",
        f"  Kết quả: {_STATUS_VI[str(check.status)]}{' (' + check.problem + ')' if check.problem else ''}",
    ]


_STATUS_VI = {"valid": "hợp lệ", "modified": "tệp bị thay đổi sau đó", "untrusted": "không được tin cậy",
              "expired": "chứng thư hết hạn", "invalid": "chữ ký sai", "tampered": "nội dung bị sửa",
              "unsigned": "không có chữ ký"}
_MODIFICATION_VI = {"NONE": "không", "LTA_UPDATES": "bổ sung thông tin kiểm tra, được phép",
                    "FORM_FILLING": "ký hoặc điền biểu mẫu, được phép", "ANNOTATIONS": "thêm ghi chú, được phép",
                    "OTHER": "sửa nội dung, KHÔNG được phép", "UNKNOWN": "không rõ"}


def _when(moment: datetime | None) -> str:
    return moment.astimezone(VIETNAM).isoformat(timespec="seconds") if moment else "không có"
