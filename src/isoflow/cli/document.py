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
import os
import sys
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

import click

from isoflow.errors import IsoflowError, UsageError

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
    """Official documents (văn bản đến/đi): receive, register, assign, draft, sign, number,
    issue, exchange as edXML, registers, and check signatures."""


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


# -- the văn thư's commands (issue 15): documents in a store -----------------------------------

_DIRECTIONS_VI = {"incoming": "văn bản đến", "outgoing": "văn bản đi"}


def _office_options(function: Any) -> Any:
    options = [
        click.option("--db", default=lambda: os.environ.get("ISOFLOW_DB", "sqlite:///isoflow.db"),
                     show_default="$ISOFLOW_DB or sqlite:///isoflow.db", help="sqlite:///path.db or postgresql://..."),
        click.option("--processes", default="processes", show_default=True, help="Folder of process files."),
        click.option("--office", "office_file", default=lambda: os.environ.get("ISOFLOW_OFFICE", "van-thu.toml"),
                     show_default="$ISOFLOW_OFFICE or van-thu.toml", help="The office's settings (TOML)."),
    ]
    for option in reversed(options):
        function = option(function)
    return function


def _fail(error: Exception, code: int = EXIT_INVALID) -> NoReturn:
    click.echo(f"isoflow: {error}", err=True)
    sys.exit(code)


class _Context:
    """The office a command works in, opened once and closed at the end."""

    def __init__(self, db: str, processes: str, office_file: str, *, create: bool = False) -> None:
        from isoflow.documents.office import DocumentOffice
        from isoflow.documents.settings import load_settings
        from isoflow.store import open_store
        from isoflow.workspace import open_engine

        self.settings = load_settings(office_file)
        self.store = open_store(db, create=create)
        try:
            self.office = DocumentOffice(open_engine([processes]), self.store, self.settings.agency,
                                         self.settings.plan)
        except BaseException:
            self.store.close()
            raise

    def __enter__(self) -> _Context:
        return self

    def __exit__(self, *_: object) -> None:
        self.store.close()

    def liaison(self, p12: Path, passphrase_env: str) -> Any:
        from isoflow.documents.liaison import Liaison
        from isoflow.exchange import FolderTransport, Organisation, Receiver

        settings = self.settings
        if settings.exchange_folder is None or not settings.trust:
            raise UsageError(f"{settings.agency.code}: the settings have no [exchange] folder and trust")
        ours = Organisation(settings.agency.code, settings.agency.name, in_charge=settings.agency.parent)
        directory = {code: Organisation(code, name) for code, name in settings.directory.items()}
        return Liaison(self.office, ours, _identity(p12, passphrase_env),
                       FolderTransport(settings.exchange_folder, ours.organ_id),
                       Receiver([ours.organ_id], list(settings.trust)), directory)


def _run(function: Any) -> Any:
    """One line and a non-zero exit for every refusal: 2 for a usage problem, 1 otherwise."""
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return function(*args, **kwargs)
        except UsageError as error:
            _fail(error, EXIT_USAGE)
        except (IsoflowError, OSError) as error:
            _fail(error)

    wrapper.__name__ = function.__name__
    wrapper.__doc__ = function.__doc__
    return wrapper


def _identity(p12: Path, passphrase_env: str) -> Any:
    from isoflow.signing import load_pkcs12

    passphrase = os.environ.get(passphrase_env)
    if passphrase is None:
        raise UsageError(f"the passphrase of {p12} is read from ${passphrase_env}, which is not set")
    return load_pkcs12(p12, passphrase)


def _files(paths: tuple[Path, ...]) -> list[Any]:
    import mimetypes

    from isoflow.documents.office import NewFile

    return [NewFile(p.name, mimetypes.guess_type(p.name)[0] or "application/octet-stream", p.read_bytes())
            for p in paths]


def _day(_: Any, __: Any, value: str | None) -> date | None:
    if value is None:
        return None
    for pattern in ("%d/%m/%Y", "%Y-%m-%d"):
        try:
            return datetime.strptime(value.strip(), pattern).date()
        except ValueError:
            continue
    raise click.BadParameter(f"{value!r} không phải là ngày; viết 05/12/2026 hoặc 2026-12-05")


def _at(_: Any, __: Any, value: str | None) -> datetime:
    """A local wall-clock time (Asia/Ho_Chi_Minh, naive, as the store keeps it); now by default."""
    if value is None:
        return datetime.now(VIETNAM).replace(tzinfo=None, second=0, microsecond=0)
    try:
        moment = datetime.fromisoformat(value.strip().replace(" ", "T", 1))
    except ValueError:
        raise click.BadParameter(f"{value!r} không phải là thời điểm; viết 2026-12-05 14:30") from None
    return moment.astimezone(VIETNAM).replace(tzinfo=None) if moment.tzinfo else moment


def _pairs(values: tuple[str, ...]) -> dict[str, str]:
    pairs = {}
    for item in values:
        key, sep, value = item.partition("=")
        if not sep or not key.strip():
            raise UsageError(f"{item!r} is not NAME=VALUE")
        pairs[key.strip()] = value
    return pairs


_at_option = click.option("--at", callback=_at, help="Local time, e.g. '2026-12-05 14:30' (default: now).")
_actor_option = click.option("--actor", required=True, help="Who acts (user id).")
_file_option = click.option("--file", "files", multiple=True, type=click.Path(exists=True, dir_okay=False,
                                                                               path_type=Path),
                            help="A file to attach (repeatable); the first PDF is the document itself.")


def _say(office: Any, code: str, what: str) -> None:
    dossier, record = office.show(code)
    click.echo(f"{what}: {code} · {record.code or '(chưa có số)'} · {record.title} · bước: {dossier.state}")


@document.command("receive")
@_office_options
@click.option("--kind", default="Công văn", show_default=True, help="Tên loại văn bản (Phụ lục III).")
@click.option("--number", required=True, help="Số của văn bản, như nơi ban hành ghi.")
@click.option("--notation", required=True, help="Ký hiệu, e.g. STP-HCTP.")
@click.option("--date", "issued_on", required=True, callback=_day, help="Ngày văn bản (05/12/2026).")
@click.option("--issuer", required=True, help="Cơ quan ban hành.")
@click.option("--subject", required=True, help="Trích yếu.")
@click.option("--urgency", type=click.Choice(["", "KHẨN", "THƯỢNG KHẨN", "HỎA TỐC"]), default="")
@click.option("--duplicate-ok", is_flag=True, help="Tiếp nhận dù trùng số, ký hiệu, ngày, cơ quan ban hành.")
@_file_option
@_actor_option
@_at_option
@_run
def receive_command(db: str, processes: str, office_file: str, kind: str, number: str, notation: str,
                    issued_on: date, issuer: str, subject: str, urgency: str, duplicate_ok: bool,
                    files: tuple[Path, ...], actor: str, at: datetime) -> None:
    """Tiếp nhận văn bản đến (Điều 21): its record and files."""
    from isoflow.model.document import Direction, DocumentRecord, Urgency

    with _Context(db, processes, office_file, create=True) as context:
        record = DocumentRecord(Direction.INCOMING, kind, subject, issuer, number=number, notation=notation,
                                issued_on=issued_on, urgency=Urgency(urgency))
        dossier = context.office.receive(record, actor=actor, at=at, files=_files(files),
                                         allow_duplicate=duplicate_ok)
        _say(context.office, dossier.code, "Đã tiếp nhận văn bản đến")


@document.command("register")
@_office_options
@click.argument("code")
@_actor_option
@_at_option
@_run
def register_command(db: str, processes: str, office_file: str, code: str, actor: str, at: datetime) -> None:
    """Vào sổ văn bản đến (Điều 22): the year's next incoming number."""
    with _Context(db, processes, office_file) as context:
        context.office.register(code, actor=actor, at=at)
        click.echo(f"Đã vào sổ: {code} · số đến {context.office.record(code).arrival}")


@document.command("assign")
@_office_options
@click.argument("code")
@click.option("--lead", required=True, help="Đơn vị, cá nhân chủ trì.")
@click.option("--support", "supporting", multiple=True, help="Đơn vị phối hợp (repeatable).")
@click.option("--deadline", required=True, callback=_day, help="Thời hạn giải quyết (05/12/2026).")
@click.option("--direction", "direction_text", required=True, help="Ý kiến chỉ đạo.")
@_actor_option
@_at_option
@_run
def assign_command(db: str, processes: str, office_file: str, code: str, lead: str, supporting: tuple[str, ...],
                   deadline: date, direction_text: str, actor: str, at: datetime) -> None:
    """Phân công giải quyết (Điều 23): lead unit, supporting units, deadline."""
    with _Context(db, processes, office_file) as context:
        context.office.assign(code, lead=lead, supporting=supporting, deadline=deadline, direction=direction_text,
                              actor=actor, at=at)
        click.echo(f"Đã phân công: {code} · chủ trì: {lead} · hạn: {deadline:%d/%m/%Y}")


@document.command("act")
@_office_options
@click.argument("code")
@click.argument("action")
@click.option("--role", required=True, help="The role the actor acts in.")
@click.option("--set", "values", multiple=True, help="A field NAME=VALUE (repeatable).")
@_file_option
@_actor_option
@_at_option
@_run
def act_command(db: str, processes: str, office_file: str, code: str, action: str, role: str,
                values: tuple[str, ...], files: tuple[Path, ...], actor: str, at: datetime) -> None:
    """Any step of a document's chain (trinh_ky, hoan_thanh, luu_ban_goc ...)."""
    with _Context(db, processes, office_file) as context:
        context.office.act(code, action, actor=actor, role=role, at=at, data=_pairs(values),
                           files=_files(files))
        _say(context.office, code, "Đã thực hiện")


@document.command("draft")
@_office_options
@click.option("--kind", default="Công văn", show_default=True, help="Tên loại văn bản (Phụ lục III).")
@click.option("--subject", required=True, help="Trích yếu (V/v ... cho công văn).")
@click.option("--unit", default="", help="Ký hiệu đơn vị soạn thảo (công văn: UBND-VP).")
@click.option("--to", "addressees", multiple=True, help="Kính gửi (repeatable).")
@click.option("--recipient", "recipients", multiple=True, help="Nơi nhận (repeatable).")
@click.option("--send-to", "recipient_ids", multiple=True, help="OrganId nhận văn bản điện tử (repeatable).")
@click.option("--signer", required=True, help="Họ tên người ký.")
@click.option("--position", required=True, help="Chức vụ người ký.")
@click.option("--authority", type=click.Choice(["", "TM.", "KT.", "TL.", "TUQ.", "Q."]), default="")
@click.option("--principal", default="", help="Ký thay/thay mặt cho ai (KT. CHỦ TỊCH: Chủ tịch).")
@click.option("--keep", "filed_at", multiple=True, help="Lưu (sau VT), e.g. VP.")
@click.option("--mark", "drafter_mark", default="", help="Ký hiệu người soạn thảo.")
@click.option("--copies", default=1, show_default=True, type=click.IntRange(1, 999))
@_file_option
@_actor_option
@_at_option
@_run
def draft_command(db: str, processes: str, office_file: str, kind: str, subject: str, unit: str,
                  addressees: tuple[str, ...], recipients: tuple[str, ...], recipient_ids: tuple[str, ...],
                  signer: str, position: str, authority: str, principal: str, filed_at: tuple[str, ...],
                  drafter_mark: str, copies: int, files: tuple[Path, ...], actor: str, at: datetime) -> None:
    """Soạn thảo văn bản đi (Điều 10): an unnumbered outgoing document."""
    from isoflow.model.document import Authority, Direction, DocumentRecord, Signer, notation_for

    with _Context(db, processes, office_file, create=True) as context:
        agency = context.settings.agency
        record = DocumentRecord(Direction.OUTGOING, kind, subject, agency.name, parent=agency.parent,
                                notation=notation_for(kind, agency.abbreviation, unit), place=agency.place,
                                signer=Signer(signer, position, Authority(authority), principal),
                                addressees=addressees, recipients=recipients, filed_at=("VT", *filed_at),
                                drafter_mark=drafter_mark, copies=copies, recipient_ids=recipient_ids)
        dossier = context.office.draft(record, actor=actor, at=at, files=_files(files))
        _say(context.office, dossier.code, "Đã tạo dự thảo văn bản đi")


def _box(_: Any, __: Any, value: str | None) -> Any:
    if value is None:
        return None
    from isoflow.signing import Box

    try:
        page, left, bottom, right, top = (float(x) for x in value.split(","))
        return Box(int(page), left, bottom, right, top)
    except (ValueError, IsoflowError) as error:
        raise click.BadParameter(f"{value!r}: write PAGE,LEFT,BOTTOM,RIGHT,TOP in points ({error})") from None


_key_options = [click.option("--p12", required=True, type=click.Path(exists=True, dir_okay=False, path_type=Path),
                             help="The key and certificate (PKCS#12)."),
                click.option("--passphrase-env", default="ISOFLOW_P12_PASSPHRASE", show_default=True,
                             help="The environment variable holding the PKCS#12 passphrase.")]


def _key(function: Any) -> Any:
    for option in reversed(_key_options):
        function = option(function)
    return function


@document.command("sign")
@_office_options
@click.argument("code")
@_key
@click.option("--image", required=True, type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="The signer's signature image (PNG, transparent).")
@click.option("--box", callback=_box, help="Where the image goes: PAGE,LEFT,BOTTOM,RIGHT,TOP (points).")
@click.option("--field", "field_name", default=None, help="Or an empty signature field of the PDF.")
@_actor_option
@_at_option
@_run
def sign_command(db: str, processes: str, office_file: str, code: str, p12: Path, passphrase_env: str,
                 image: Path, box: Any, field_name: str | None, actor: str, at: datetime) -> None:
    """Người có thẩm quyền ký số (Điều 13) and the document moves to numbering."""
    from isoflow.documents.signatures import sign

    if (box is None) == (field_name is None):
        raise UsageError("give --box or --field: where the signature image goes")
    with _Context(db, processes, office_file) as context:
        identity = _identity(p12, passphrase_env)
        where = box if box is not None else str(field_name)
        sign(context.office, code, identity, signature_image=image.read_bytes(), where=where, actor=actor, at=at)
        _say(context.office, code, f"Đã ký số ({identity.name})")


@document.command("number")
@_office_options
@click.argument("code")
@_actor_option
@_at_option
@_run
def number_command(db: str, processes: str, office_file: str, code: str, actor: str, at: datetime) -> None:
    """Cấp số, ngày ban hành (Điều 15)."""
    with _Context(db, processes, office_file) as context:
        context.office.number(code, actor=actor, at=at)
        record = context.office.record(code)
        click.echo(f"Đã cấp số: {code} · Số: {record.code} · ngày {record.issued_on:%d/%m/%Y}")


@document.command("seal")
@_office_options
@click.argument("code")
@_key
@click.option("--image", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="The seal image (PNG, red, transparent); not for an electronic copy.")
@_actor_option
@_at_option
@_run
def seal_command(db: str, processes: str, office_file: str, code: str, p12: Path, passphrase_env: str,
                 image: Path | None, actor: str, at: datetime) -> None:
    """Ký số của cơ quan và đăng ký văn bản đi (Điều 16-17); a copy: at the top right, no image."""
    from isoflow.documents.signatures import seal, seal_copy
    from isoflow.model.document import COPY_LABELS

    with _Context(db, processes, office_file) as context:
        identity = _identity(p12, passphrase_env)
        if context.office.record(code).kind in COPY_LABELS:
            seal_copy(context.office, code, identity, actor=actor, at=at)
        elif image is None:
            raise UsageError("give --image: the seal's image goes over the signer's (Phụ lục I)")
        else:
            seal(context.office, code, identity, seal_image=image.read_bytes(), actor=actor, at=at)
        _say(context.office, code, "Đã ký số của cơ quan, vào sổ văn bản đi")


@document.command("issue")
@_office_options
@click.argument("code")
@_key
@_actor_option
@_at_option
@_run
def issue_command(db: str, processes: str, office_file: str, code: str, p12: Path, passphrase_env: str,
                  actor: str, at: datetime) -> None:
    """Phát hành: send the document as signed edXML to each electronic recipient (Điều 18)."""
    with _Context(db, processes, office_file) as context:
        liaison = context.liaison(p12, passphrase_env)
        liaison.send(code, actor=actor, at=at)
        _say(context.office, code, f"Đã phát hành đến {', '.join(context.office.record(code).recipient_ids)}")


@document.command("receive-edxml")
@_office_options
@_key
@_actor_option
@_at_option
@_run
def poll_command(db: str, processes: str, office_file: str, p12: Path, passphrase_env: str, actor: str,
                 at: datetime) -> None:
    """Nhận gói tin edXML đã đến: documents, status messages, recalls (Điều 21)."""
    with _Context(db, processes, office_file, create=True) as context:
        for polled in context.liaison(p12, passphrase_env).poll(actor=actor, at=at):
            click.echo(polled.note)


@document.command("recall")
@_office_options
@click.argument("code")
@click.option("--reason", required=True)
@_key
@_actor_option
@_at_option
@_run
def recall_command(db: str, processes: str, office_file: str, code: str, reason: str, p12: Path,
                   passphrase_env: str, actor: str, at: datetime) -> None:
    """Thu hồi văn bản đã phát hành (Điều 18 khoản 4): status 13 to each recipient."""
    with _Context(db, processes, office_file) as context:
        context.liaison(p12, passphrase_env).recall(code, reason=reason, actor=actor, at=at)
        _say(context.office, code, "Đã thu hồi")


@document.command("export")
@_office_options
@click.argument("code")
@_key
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False, path_type=Path))
@_run
def export_command(db: str, processes: str, office_file: str, code: str, p12: Path, passphrase_env: str,
                   output: Path) -> None:
    """Write the document's signed edXML envelope to a file."""
    from isoflow.exchange import export

    with _Context(db, processes, office_file) as context:
        liaison = context.liaison(p12, passphrase_env)
        output.write_bytes(export(liaison.envelope(code), liaison.identity))
        click.echo(f"Đã xuất gói tin edXML: {output}")


@document.command("import")
@_office_options
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@_actor_option
@_at_option
@_run
def import_command(db: str, processes: str, office_file: str, file: Path, actor: str, at: datetime) -> None:
    """Receive a signed edXML envelope from a file as an incoming document (checked: signature,
    trust, recipient, hostile XML, duplicate)."""
    from isoflow.documents.liaison import record_of
    from isoflow.documents.office import NewFile
    from isoflow.exchange import Envelope, Receiver

    with _Context(db, processes, office_file, create=True) as context:
        settings = context.settings
        if not settings.trust:
            raise UsageError(f"{office_file}: [exchange] trust names no root certificate")
        from isoflow.documents.liaison import ReceivedIndex

        receiver = Receiver([settings.agency.code], list(settings.trust), received=ReceivedIndex(context.office))
        message = receiver.read(file.read_bytes()).message
        if not isinstance(message, Envelope):
            raise UsageError(f"{file} is a status message, not a document")
        dossier = context.office.receive(record_of(message), actor=actor, at=at,
                                         files=[NewFile(a.name, a.content_type, a.data) for a in message.attachments])
        _say(context.office, dossier.code, "Đã tiếp nhận văn bản đến (edXML)")


@document.command("show")
@_office_options
@click.argument("code")
@_run
def show_command(db: str, processes: str, office_file: str, code: str) -> None:
    """Hiển thị một văn bản: its record, step, files, and where each copy sent is."""
    with _Context(db, processes, office_file) as context:
        dossier, record = context.office.show(code)
        lines = [f"Mã: {code} ({_DIRECTIONS_VI[record.direction.value]})",
                 f"Số, ký hiệu: {record.code or '(chưa cấp số)'}",
                 f"Ngày văn bản: {record.issued_on:%d/%m/%Y}" if record.issued_on else "Ngày văn bản: (chưa có)",
                 f"Tên loại và trích yếu: {record.title}", f"Cơ quan ban hành: {record.issuer}"]
        if record.arrival:
            lines.append(f"Số đến: {record.arrival} · ngày đến {record.received_on:%d/%m/%Y}")
        if record.signer:
            lines.append("Người ký: " + " / ".join(record.signer.lines()))
        if record.urgency:
            lines.append(f"Độ khẩn: {record.urgency.value}")
        if record.confidentiality:
            lines.append(f"Độ mật: {record.confidentiality.value}")
        if record.addressees:
            lines.append("Kính gửi: " + "; ".join(record.addressees))
        if record.direction.value == "outgoing":
            lines.append("Nơi nhận: " + "; ".join((*record.recipients, record.filing_line())))
        lines.append(f"Bước hiện tại: {dossier.state}" + (f" (kết thúc: {dossier.outcome})" if dossier.outcome
                                                           else ""))
        for attachment in record.attachments:
            lines.append(f"Tệp: {attachment.name} ({attachment.size:,} byte, SHA-256 {attachment.sha256[:16]}...)")
        for organ_id, status, when, note in context.office.documents.deliveries(code):
            lines.append(f"Gửi/nhận: {organ_id} · {status} · {when:%d/%m/%Y %H:%M} · {note}")
        click.echo("\n".join(lines))


@document.command("history")
@_office_options
@click.argument("code")
@_run
def history_command(db: str, processes: str, office_file: str, code: str) -> None:
    """Lịch sử xử lý: every event of the document, with the files' hashes it recorded."""
    with _Context(db, processes, office_file) as context:
        for event in context.office.history(code):
            extra = ""
            if "number" in event.data:
                extra += f" · lấy số {event.data['number']} ({event.data['series']})"
            for item in event.data.get("files", ()) or ():
                if isinstance(item, dict):
                    extra += f" · tệp {item.get('name')} {str(item.get('sha256'))[:12]}..."
            click.echo(f"{event.seq:>3} {event.at:%d/%m/%Y %H:%M} {event.actor} ({event.role}) "
                       f"{event.action or event.kind}: {event.source or ''} -> {event.target or ''}{extra}")


@document.command("book")
@_office_options
@click.argument("kind", type=click.Choice(["di", "den", "theo-doi"]))
@click.option("--from", "start", required=True, callback=_day, help="Từ ngày (01/12/2026).")
@click.option("--to", "end", required=True, callback=_day, help="Đến ngày (31/12/2026).")
@click.option("--format", "output_format", type=click.Choice(["csv", "pdf"]), default="csv", show_default=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), help="File (default: stdout for CSV).")
@_run
def book_command(db: str, processes: str, office_file: str, kind: str, start: date, end: date, output_format: str,
                 output: Path | None) -> None:
    """Sổ đăng ký văn bản đi / đến, sổ theo dõi giải quyết văn bản đến (Phụ lục IV) for a period."""
    from isoflow.documents.registers import register, to_csv, to_pdf

    with _Context(db, processes, office_file) as context:
        book = register(context.office, kind, start, end)
        if output_format == "pdf":
            if output is None:
                raise UsageError("a PDF register needs -o FILE")
            output.write_bytes(to_pdf(book))
            click.echo(f"Đã in {book.title.lower()}: {output} ({len(book.rows)} văn bản)")
        elif output is None:
            click.echo(to_csv(book), nl=False)
        else:
            output.write_text(to_csv(book), encoding="utf-8")
            click.echo(f"Đã xuất {book.title.lower()}: {output} ({len(book.rows)} văn bản)")


@document.command("follow-up")
@_office_options
@click.option("--as-of", "as_of", callback=_day, help="Ngày đối chiếu (mặc định: hôm nay).")
@_run
def follow_up_command(db: str, processes: str, office_file: str, as_of: date | None) -> None:
    """Theo dõi, đôn đốc (Điều 24): incoming documents being handled, overdue first."""
    day = as_of or datetime.now(VIETNAM).date()
    with _Context(db, processes, office_file) as context:
        items = context.office.follow_up(day)
        for item in items:
            late = "QUÁ HẠN" if item.overdue else "trong hạn"
            when = f"{item.deadline:%d/%m/%Y}" if item.deadline else "không có"
            click.echo(f"{item.record.arrival:>4} {item.record.code} · {item.lead} · hạn {when} · {late}")
        click.echo(f"{len(items)} văn bản đang giải quyết, {sum(i.overdue for i in items)} quá hạn")


@document.command("check")
@_office_options
@click.argument("code", required=False)
@_run
def check_command(db: str, processes: str, office_file: str, code: str | None) -> None:
    """Kiểm tra toàn vẹn: hash chains, records, attachments (a changed or missing file)."""
    with _Context(db, processes, office_file) as context:
        problems = context.office.verify(code)
        for problem in problems:
            click.echo(problem)
        if problems:
            _fail(IsoflowError(f"KHÔNG TOÀN VẸN: {len(problems)} vấn đề"))
        click.echo("Toàn vẹn: không phát hiện thay đổi")
