"""Benchmark: ``isoflow validate`` against bare lxml parse + XSD validation of the same files.

Generates realistic, valid procedure files (about 200 lines each: Vietnamese titles,
domains, 6-12 states, components, fields, guards, budgets that fit the legal time limit),
plus a few procedures that extend the shared flow ``MC-CHUNG`` (copied from
``processes/mot-cua-chung.xml``), checks that a sample validates clean, then times in the
same run, in ``--repeat`` rounds (each variant once per round, in turn, so that a slow
spell of a shared machine falls on all of them), taking medians.  Each variant runs in a
fresh interpreter, as ``isoflow validate`` does: a process that has just validated and
freed a catalogue forks workers whose every new object lands on a copied page (measured:
the pool ran about 10 % slower in such a process).  The time is taken inside that process,
after its imports:

* ``bare lxml``: for each file, read its bytes, ``etree.fromstring`` with a hardened
  ``XMLParser`` and ``XMLSchema.validate``, in one process (the floor: no positions, no
  model, no rules);
* ``isoflow (jobs=N)``: ``isoflow.workspace.validate_paths([dir])`` with the default jobs
  (a process pool when there are many files);
* ``isoflow (jobs=1)``: the same, serial.

Both sides compile the XSD in every run (isoflow's parent compiles it before forking the
workers, as under the command line).

Run: ``.venv/bin/python benchmarks/bench_validate.py [--files N] [--repeat N] [--keep]
[--out DIR] [--profile]`` (``--child VARIANT DIR JOBS`` is one measurement, run by the
benchmark itself).  The exit code is 0 (it is a measurement), or 1 if the generated files
do not validate clean (then the generator, not isoflow, needs fixing).
"""

from __future__ import annotations

import argparse
import cProfile
import io
import pickle
import pstats
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import unicodedata
from importlib import resources
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

from lxml import etree

import isoflow.loading.parser as xml_parser
from isoflow.loading.discovery import discover, load_all
from isoflow.validation.catalogue import Catalogue, validate
from isoflow.validation.output import as_text
from isoflow.validation.parallel import cpu_count
from isoflow.workspace import validate_paths

ROOT = Path(__file__).resolve().parent.parent
FLOW = ROOT / "processes" / "mot-cua-chung.xml"
TARGET = 1.5

# ----------------------------------------------------------------------------------------------
# Vocabulary
# ----------------------------------------------------------------------------------------------

#: (domain, level, agency, parent agency, procedure titles, laws, domain components)
DOMAINS: list[tuple[str, str, str, str, list[str], list[str], list[str]]] = [
    (
        "Hộ tịch",
        "commune",
        "Ủy ban nhân dân xã",
        "Ủy ban nhân dân tỉnh",
        [
            "Đăng ký khai sinh",
            "Đăng ký khai tử",
            "Đăng ký nhận cha, mẹ, con",
            "Đăng ký lại khai sinh",
            "Cấp Giấy xác nhận tình trạng hôn nhân",
            "Đăng ký giám hộ",
            "Thay đổi, cải chính, bổ sung thông tin hộ tịch",
        ],
        [
            "Luật Hộ tịch 60/2014/QH13",
            "Nghị định 123/2015/NĐ-CP quy định chi tiết một số điều và biện pháp thi hành Luật Hộ tịch",
            "Thông tư 04/2020/TT-BTP quy định chi tiết thi hành Luật Hộ tịch",
        ],
        [
            "Tờ khai đăng ký theo mẫu",
            "Giấy chứng sinh hoặc văn bản của người làm chứng xác nhận về việc sinh",
            "Giấy tờ chứng minh nơi cư trú",
            "Văn bản ủy quyền có chứng thực",
        ],
    ),
    (
        "Chứng thực",
        "commune",
        "Ủy ban nhân dân xã",
        "Ủy ban nhân dân tỉnh",
        [
            "Chứng thực chữ ký trong các giấy tờ, văn bản",
            "Chứng thực hợp đồng, giao dịch liên quan đến tài sản là động sản",
            "Chứng thực di chúc",
            "Chứng thực văn bản thỏa thuận phân chia di sản",
            "Sửa lỗi sai sót trong hợp đồng đã chứng thực",
        ],
        [
            "Nghị định 23/2015/NĐ-CP về cấp bản sao từ sổ gốc, chứng thực bản sao từ bản chính, chứng thực chữ ký "
            "và chứng thực hợp đồng, giao dịch",
            "Thông tư 01/2020/TT-BTP hướng dẫn Nghị định 23/2015/NĐ-CP",
        ],
        [
            "Dự thảo hợp đồng, giao dịch",
            "Bản sao giấy tờ tùy thân của người yêu cầu chứng thực",
            "Bản sao giấy chứng nhận quyền sở hữu tài sản",
            "Giấy tờ, văn bản cần chứng thực chữ ký",
        ],
    ),
    (
        "Đất đai",
        "province",
        "Văn phòng Đăng ký đất đai tỉnh",
        "Sở Nông nghiệp và Môi trường",
        [
            "Đăng ký biến động quyền sử dụng đất",
            "Cấp đổi Giấy chứng nhận quyền sử dụng đất",
            "Đính chính Giấy chứng nhận đã cấp",
            "Đăng ký thế chấp quyền sử dụng đất",
            "Tách thửa hoặc hợp thửa đất",
            "Cấp lại Giấy chứng nhận do bị mất",
        ],
        [
            "Luật Đất đai 31/2024/QH15",
            "Nghị định 101/2024/NĐ-CP quy định về điều tra cơ bản đất đai; đăng ký, cấp "
            "Giấy chứng nhận quyền sử dụng đất",
            "Nghị định 102/2024/NĐ-CP quy định chi tiết thi hành Luật Đất đai",
        ],
        [
            "Đơn đăng ký biến động đất đai, tài sản gắn liền với đất (Mẫu số 11/ĐK)",
            "Bản gốc Giấy chứng nhận đã cấp",
            "Hợp đồng, văn bản về chuyển quyền sử dụng đất",
            "Mảnh trích đo địa chính thửa đất",
            "Chứng từ thực hiện nghĩa vụ tài chính",
        ],
    ),
    (
        "Hoạt động xây dựng",
        "province",
        "Sở Xây dựng",
        "Ủy ban nhân dân tỉnh",
        [
            "Cấp giấy phép xây dựng mới đối với công trình cấp II, cấp III",
            "Điều chỉnh giấy phép xây dựng",
            "Gia hạn giấy phép xây dựng",
            "Cấp giấy phép di dời công trình",
            "Cấp chứng chỉ hành nghề hoạt động xây dựng hạng II",
        ],
        [
            "Luật Xây dựng 50/2014/QH13, sửa đổi, bổ sung bởi Luật 62/2020/QH14",
            "Nghị định 175/2024/NĐ-CP quy định chi tiết "
            "một số điều và biện pháp thi hành Luật Xây dựng về quản lý hoạt động xây dựng",
        ],
        [
            "Đơn đề nghị cấp giấy phép xây dựng",
            "Bản sao giấy tờ chứng minh quyền sử dụng đất",
            "Hai bộ bản vẽ thiết kế xây dựng",
            "Báo cáo kết quả thẩm định thiết kế",
            "Bản cam kết bảo đảm an toàn công trình liền kề",
        ],
    ),
    (
        "Thành lập và hoạt động doanh nghiệp",
        "province",
        "Sở Tài chính",
        "Ủy ban nhân dân tỉnh",
        [
            "Đăng ký thành lập công ty trách nhiệm hữu hạn hai thành viên trở lên",
            "Đăng ký thay đổi người đại diện theo pháp luật",
            "Thông báo tạm ngừng kinh doanh",
            "Đăng ký hoạt động chi nhánh, văn phòng đại diện",
            "Giải thể doanh nghiệp",
        ],
        [
            "Luật Doanh nghiệp 59/2020/QH14",
            "Nghị định 168/2025/NĐ-CP về đăng ký doanh nghiệp",
            "Thông tư 68/2025/TT-BTC ban hành biểu mẫu sử dụng trong đăng ký doanh nghiệp",
        ],
        [
            "Giấy đề nghị đăng ký doanh nghiệp",
            "Điều lệ công ty",
            "Danh sách thành viên",
            "Bản sao giấy tờ pháp lý của cá nhân đối với thành viên là cá nhân",
            "Văn bản ủy quyền cho người nộp hồ sơ",
        ],
    ),
    (
        "Việc làm",
        "province",
        "Sở Nội vụ",
        "Ủy ban nhân dân tỉnh",
        [
            "Cấp giấy phép lao động cho người lao động nước ngoài",
            "Cấp lại giấy phép lao động",
            "Xác nhận người lao động nước ngoài không thuộc diện cấp giấy phép lao động",
            "Giải quyết hưởng trợ cấp thất nghiệp",
        ],
        [
            "Bộ luật Lao động 45/2019/QH14",
            "Luật Việc làm 74/2025/QH15",
            "Nghị định 219/2025/NĐ-CP quy định về người lao động nước ngoài làm việc tại Việt Nam",
        ],
        [
            "Văn bản đề nghị của người sử dụng lao động",
            "Giấy chứng nhận sức khỏe",
            "Phiếu lý lịch tư pháp",
            "Văn bản chứng minh trình độ chuyên môn",
            "Hai ảnh màu cỡ 4 cm x 6 cm",
        ],
    ),
    (
        "Giáo dục và Đào tạo",
        "province",
        "Sở Giáo dục và Đào tạo",
        "Ủy ban nhân dân tỉnh",
        [
            "Cấp bản sao văn bằng, chứng chỉ từ sổ gốc",
            "Chỉnh sửa nội dung văn bằng, chứng chỉ",
            "Công nhận văn bằng do cơ sở giáo dục nước ngoài cấp",
            "Cho phép trường trung học phổ thông hoạt động giáo dục",
        ],
        ["Luật Giáo dục 43/2019/QH14", "Thông tư 21/2019/TT-BGDĐT ban hành Quy chế quản lý bằng tốt nghiệp, chứng chỉ"],
        [
            "Đơn đề nghị theo mẫu",
            "Bản sao văn bằng, chứng chỉ đề nghị chỉnh sửa",
            "Giấy khai sinh",
            "Quyết định thay đổi, cải chính hộ tịch",
        ],
    ),
    (
        "Khám bệnh, chữa bệnh",
        "province",
        "Sở Y tế",
        "Ủy ban nhân dân tỉnh",
        [
            "Cấp giấy phép hành nghề khám bệnh, chữa bệnh",
            "Cấp giấy phép hoạt động phòng khám đa khoa",
            "Điều chỉnh giấy phép hoạt động khám bệnh, chữa bệnh",
            "Cấp chứng chỉ hành nghề dược",
        ],
        [
            "Luật Khám bệnh, chữa bệnh 15/2023/QH15",
            "Nghị định 96/2023/NĐ-CP quy định chi tiết một số điều của Luật Khám bệnh, chữa bệnh",
        ],
        [
            "Đơn đề nghị cấp giấy phép hành nghề",
            "Văn bằng chuyên môn",
            "Giấy xác nhận hoàn thành thực hành",
            "Giấy chứng nhận đủ sức khỏe để hành nghề",
            "Danh sách nhân sự và thiết bị y tế",
        ],
    ),
    (
        "Văn hóa",
        "province",
        "Sở Văn hóa, Thể thao và Du lịch",
        "Ủy ban nhân dân tỉnh",
        [
            "Tổ chức biểu diễn nghệ thuật trên địa bàn tỉnh",
            "Cấp giấy phép kinh doanh dịch vụ karaoke",
            "Cấp giấy phép tổ chức lễ hội",
            "Thông báo tổ chức triển lãm mỹ thuật",
        ],
        [
            "Nghị định 144/2020/NĐ-CP quy định về hoạt động nghệ thuật biểu diễn",
            "Nghị định 54/2019/NĐ-CP quy định về kinh doanh dịch vụ karaoke, dịch vụ vũ trường",
        ],
        [
            "Văn bản thông báo tổ chức biểu diễn",
            "Kịch bản, danh mục tác phẩm",
            "Giấy chứng nhận đủ điều kiện phòng cháy",
            "Sơ đồ mặt bằng địa điểm tổ chức",
        ],
    ),
    (
        "Môi trường",
        "province",
        "Sở Nông nghiệp và Môi trường",
        "Ủy ban nhân dân tỉnh",
        [
            "Cấp giấy phép môi trường",
            "Cấp đổi giấy phép môi trường",
            "Thẩm định báo cáo đánh giá tác động môi trường",
            "Đăng ký môi trường đối với dự án đầu tư",
        ],
        [
            "Luật Bảo vệ môi trường 72/2020/QH14",
            "Nghị định 08/2022/NĐ-CP quy định chi tiết một số điều của Luật Bảo vệ môi trường",
            "Thông tư 02/2022/TT-BTNMT",
        ],
        [
            "Văn bản đề nghị cấp giấy phép môi trường",
            "Báo cáo đề xuất cấp giấy phép môi trường",
            "Bản sao báo cáo nghiên cứu khả thi",
            "Kết quả quan trắc môi trường định kỳ",
        ],
    ),
    (
        "Bảo trợ xã hội",
        "commune",
        "Ủy ban nhân dân xã",
        "Ủy ban nhân dân tỉnh",
        [
            "Trợ giúp xã hội thường xuyên tại cộng đồng",
            "Hỗ trợ chi phí mai táng",
            "Xác định, xác định lại mức độ khuyết tật",
            "Trợ giúp xã hội khẩn cấp về hỗ trợ làm nhà ở",
        ],
        [
            "Luật Người khuyết tật 51/2010/QH12",
            "Nghị định 20/2021/NĐ-CP quy định chính sách trợ giúp xã hội đối với đối tượng bảo trợ xã hội",
        ],
        [
            "Tờ khai đề nghị trợ giúp xã hội",
            "Bản sao Giấy xác nhận khuyết tật",
            "Giấy báo tử hoặc giấy tờ thay thế",
            "Biên bản họp Hội đồng xác định mức độ khuyết tật",
        ],
    ),
]

#: The acts in force (Decree 61/2018 and Circular 01/2018 were replaced in 2025: isoflow validate warns
#: about a procedure that still cites them, Q004).
ONE_STOP_ACTS = [
    "Nghị định 118/2025/NĐ-CP về thực hiện thủ tục hành chính theo cơ chế một cửa, một cửa liên thông tại Bộ phận "
    "Một cửa và Cổng Dịch vụ công quốc gia",
    "Thông tư 03/2025/TT-VPCP hướng dẫn Nghị định 118/2025/NĐ-CP (biểu mẫu Mẫu số 01–07)",
    "Quyết định 19/2014/QĐ-TTg về việc áp dụng Hệ thống quản lý chất lượng theo TCVN ISO 9001 vào hoạt động "
    "của các cơ quan, tổ chức thuộc hệ thống hành chính nhà nước",
]
REFERENCES = [
    "TCVN ISO 9001:2015 Hệ thống quản lý chất lượng – Các yêu cầu",
    "Quyết định 101/QĐ-BKHCN ngày 21/01/2019 của Bộ Khoa học và Công nghệ công bố mô hình khung hệ thống quản lý "
    "chất lượng theo TCVN ISO 9001:2015 cho các loại hình cơ quan hành chính nhà nước tại địa phương",
    "Quyết định 19/2014/QĐ-TTg về việc áp dụng Hệ thống quản lý chất lượng theo TCVN ISO 9001 vào hoạt động "
    "của các cơ quan, tổ chức thuộc hệ thống hành chính nhà nước",
    "Sổ tay chất lượng của cơ quan",
]
TERMS = [
    ("UBND", "Ủy ban nhân dân"),
    ("TTHC", "Thủ tục hành chính"),
    ("TTPVHCC", "Trung tâm Phục vụ hành chính công"),
    ("DVC", "Dịch vụ công"),
    ("CSDL", "Cơ sở dữ liệu"),
    ("BPMC", "Bộ phận Một cửa"),
    ("HTTT", "Hệ thống thông tin"),
]
SURNAMES = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô"]
MIDDLE = ["Văn", "Thị", "Minh", "Thu", "Quốc", "Thanh", "Ngọc", "Hữu", "Đức", "Thị Thu", "Hoàng"]
GIVEN = ["Hà", "Nam", "Quang", "Mai", "Khải", "Sơn", "Lan", "Hùng", "Dũng", "Hương", "Tuấn", "Linh", "Phúc", "Trang"]
PLACES = [
    "Hà Nội",
    "Hải Phòng",
    "Đà Nẵng",
    "Cần Thơ",
    "Huế",
    "Nghệ An",
    "Thanh Hóa",
    "Quảng Ninh",
    "Lâm Đồng",
    "Đồng Nai",
    "Khánh Hòa",
    "An Giang",
    "Gia Lai",
    "Lào Cai",
]

#: Optional extra fields: (id, type, label, options)
EXTRA_FIELDS = [
    ("so_ban", "int", "Số bản kết quả đề nghị cấp", ()),
    ("phi", "decimal", "Số tiền phí, lệ phí phải nộp (đồng)", ()),
    ("ngay_nop", "date", "Ngày nộp hồ sơ", ()),
    ("ngay_hen_tra", "datetime", "Ngày giờ hẹn trả kết quả mới (khi gia hạn)", ()),
    ("dien_tich", "decimal", "Diện tích (m²) ghi trong hồ sơ", ()),
    ("so_trang", "int", "Số trang của giấy tờ", ()),
    ("nguoi_nop.tuoi", "int", "Tuổi của người nộp hồ sơ", ()),
    ("ghi_chu", "text", "Ghi chú của công chức tiếp nhận", ()),
    (
        "hinh_thuc_nop",
        "choice",
        "Hình thức nộp hồ sơ",
        (("truc_tiep", "Nộp trực tiếp"), ("buu_chinh", "Qua bưu chính"), ("truc_tuyen", "Trực tuyến")),
    ),
]


def _person(rng: random.Random) -> str:
    return f"{rng.choice(SURNAMES)} {rng.choice(MIDDLE)} {rng.choice(GIVEN)}"


def _hours(hours: float) -> str:
    """A budget: days when it is a whole or half day, hours otherwise."""
    if hours >= 8 and (hours / 4).is_integer():
        days = hours / 8
        return f"{days:g}d"
    return f"{hours:g}h"


def _split(total_hours: float, weights: list[float]) -> list[float]:
    """Budgets in half hours, at least 0.5h each, that add up to no more than ``total_hours``."""
    scale = total_hours / sum(weights)
    budgets = [max(0.5, int(w * scale * 2) / 2) for w in weights]
    while sum(budgets) > total_hours:  # the minimums may overshoot a tight limit
        i = budgets.index(max(budgets))
        budgets[i] -= 0.5
    return budgets


def _x(text: str) -> str:
    return escape(text)


def _a(text: str) -> str:
    return quoteattr(text)


# ----------------------------------------------------------------------------------------------
# Generator
# ----------------------------------------------------------------------------------------------


def standalone(rng: random.Random, number: int) -> str:
    """One valid standalone procedure of about 200 lines."""
    domain, level, agency, parent, titles, laws, domain_components = rng.choice(DOMAINS)
    title = rng.choice(titles)
    place = rng.choice(PLACES)
    code = f"QT-{number:05d}"
    revision = rng.randint(1, 3)
    year = rng.choice([2025, 2026])
    month = rng.randint(2, 12)
    effective = f"{year}-{month:02d}-01"
    signed = [f"{year}-{month - 1:02d}-{d:02d}" for d in sorted(rng.sample(range(5, 28), 3))]
    one_stop_name = (
        "Bộ phận Một cửa UBND xã" if level == "commune" else f"Trung tâm Phục vụ hành chính công tỉnh {place}"
    )

    # --- the step graph: optional steps between the four every procedure has
    optional = {name: rng.random() < 0.5 for name in ("chuyen", "xac_minh", "lay_y_kien", "kiem_tra_phong", "van_thu")}
    with_supplement = rng.random() < 0.8
    with_payment = rng.random() < 0.3
    with_withdrawal = rng.random() < 0.7
    # The stop notice exists only in Circular 03/2025's form set (from 2025-09-15): an earlier
    # procedure that issued one would meet Circular 01/2018 too, and M001 would rightly say so.
    with_stop = rng.random() < 0.4 and effective >= "2025-09-15"
    work = ["tiep_nhan"] + [s for s in ("chuyen", "xac_minh") if optional[s]] + ["tham_dinh"]
    work += [s for s in ("lay_y_kien", "kiem_tra_phong") if optional[s]] + ["ky_duyet"]
    work += ["van_thu"] if optional["van_thu"] else []
    work += ["tra_ket_qua"]
    waiting = (["cho_bo_sung"] if with_supplement else []) + (["cho_nghia_vu_tai_chinh"] if with_payment else [])
    finals = (
        ["da_tra_ket_qua", "tu_choi"]
        + (["rut_ho_so"] if with_withdrawal else [])
        + (["dung_xu_ly"] if with_stop else [])
    )
    while len(work) + len(waiting) + len(finals) > 12:  # 6-12 states: drop optional work steps
        work.remove(rng.choice([s for s in work if s in optional]))

    # --- the legal time limit and the budgets that fit it
    choice = rng.random()
    if choice < 0.2:
        limit_hours = 8.0
        limit = 'same-day="true" cutoff="15:00"'
        limit_text = "trong ngày; tiếp nhận sau 15 giờ thì trả kết quả trong ngày làm việc tiếp theo"
    elif choice < 0.3:
        limit_hours = float(rng.choice([16, 24, 40]))
        limit = f'working-hours="{limit_hours:g}"'
        limit_text = f"{limit_hours:g} giờ làm việc kể từ khi nhận đủ hồ sơ hợp lệ"
    else:
        days = rng.choice([3, 5, 7, 10, 12, 15, 20, 30])
        limit_hours = days * 8.0
        limit = f'working-days="{days}"' + (' cutoff="15:00"' if rng.random() < 0.5 else "")
        limit_text = f"{days:02d} ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ"
    weights = {
        "tiep_nhan": 1,
        "chuyen": 0.5,
        "xac_minh": 3,
        "tham_dinh": 6,
        "lay_y_kien": 3,
        "kiem_tra_phong": 1.5,
        "ky_duyet": 2,
        "van_thu": 0.5,
        "tra_ket_qua": 1,
    }
    slack = rng.uniform(0.8, 1.0)
    budgets = dict(zip(work, _split(limit_hours * slack, [weights[s] for s in work]), strict=True))

    roles = {
        "cong-chuc-mot-cua": f"Công chức tiếp nhận và trả kết quả tại {one_stop_name}",
        "chuyen-vien": f"Chuyên viên được phân công thẩm định hồ sơ lĩnh vực {domain}",
        "lanh-dao": f"Lãnh đạo {agency} (người ký kết quả)",
    }
    units = {
        "bp-mot-cua": ("one-stop", one_stop_name),
        "phong-chuyen-mon": ("department", f"Phòng chuyên môn lĩnh vực {domain}"),
        "lanh-dao": ("leadership", f"Lãnh đạo {agency}"),
    }
    owner = {
        "tiep_nhan": ("bp-mot-cua", "cong-chuc-mot-cua", 1),
        "chuyen": ("bp-mot-cua", "cong-chuc-mot-cua", 2),
        "tham_dinh": ("phong-chuyen-mon", "chuyen-vien", 4),
        "ky_duyet": ("lanh-dao", "lanh-dao", 4),
        "tra_ket_qua": ("bp-mot-cua", "cong-chuc-mot-cua", 9),
    }
    if "xac_minh" in work:
        roles["can-bo-xac-minh"] = "Cán bộ xác minh thực địa, đối chiếu cơ sở dữ liệu"
        owner["xac_minh"] = ("phong-chuyen-mon", "can-bo-xac-minh", 4)
    if "lay_y_kien" in work:
        roles["can-bo-lien-thong"] = "Đầu mối liên thông tại cơ quan phối hợp"
        units["co-quan-phoi-hop"] = (
            "agency",
            rng.choice(
                ["Công an tỉnh", "Cục Thuế tỉnh", "Sở Tài chính", "Ủy ban nhân dân xã nơi cư trú", "Sở Xây dựng"]
            ),
        )
        owner["lay_y_kien"] = ("co-quan-phoi-hop", "can-bo-lien-thong", 4)
    if "kiem_tra_phong" in work:
        roles["truong-phong"] = "Trưởng phòng hoặc Phó Trưởng phòng chuyên môn"
        owner["kiem_tra_phong"] = ("phong-chuyen-mon", "truong-phong", 4)
    if "van_thu" in work:
        roles["van-thu"] = f"Văn thư {agency}"
        units["van-thu"] = ("clerical", f"Văn thư {agency}")
        owner["van_thu"] = ("van-thu", "van-thu", 4)
    if with_payment:
        roles["ke-toan"] = "Kế toán thu phí, lệ phí"
    work_labels = {
        "tiep_nhan": f"Tiếp nhận, kiểm tra thành phần hồ sơ {title.lower()}; lập Giấy tiếp nhận và hẹn trả kết quả",
        "chuyen": "Chuyển hồ sơ giấy và hồ sơ điện tử đến phòng chuyên môn trong ngày làm việc",
        "xac_minh": "Xác minh thông tin, đối chiếu với cơ sở dữ liệu chuyên ngành",
        "tham_dinh": f"Thẩm định hồ sơ, đối chiếu điều kiện theo {laws[0].split(',')[0]}; dự thảo kết quả",
        "lay_y_kien": "Gửi văn bản lấy ý kiến cơ quan phối hợp; tổng hợp ý kiến",
        "kiem_tra_phong": "Lãnh đạo phòng kiểm tra dự thảo, ký nháy, trình lãnh đạo cơ quan",
        "ky_duyet": "Lãnh đạo cơ quan xem xét, ký kết quả giải quyết",
        "van_thu": "Vào sổ, cho số, đóng dấu, phát hành kết quả",
        "tra_ket_qua": "Trả kết quả, thu phí, lệ phí (nếu có); cập nhật Hệ thống thông tin một cửa điện tử",
    }
    final_defs = {
        "da_tra_ket_qua": ("granted", 10, "Đã trả kết quả cho tổ chức, cá nhân"),
        "tu_choi": ("refused", 3, "Từ chối tiếp nhận hoặc từ chối giải quyết, nêu rõ lý do"),
        "rut_ho_so": ("withdrawn", 7, "Tổ chức, cá nhân rút hồ sơ"),
        "dung_xu_ly": ("stopped", 8, "Dừng giải quyết hồ sơ theo yêu cầu của cơ quan có thẩm quyền"),
    }

    # --- fields
    fields: list[tuple[str, str, str, tuple[tuple[str, str], ...]]] = [
        ("ho_so_day_du", "bool", "Hồ sơ đầy đủ, hợp lệ", ()),
        ("du_dieu_kien", "bool", f"Đủ điều kiện giải quyết thủ tục {title.lower()}", ()),
        ("ly_do", "text", "Lý do từ chối, trả lại, yêu cầu bổ sung hoặc rút hồ sơ", ()),
        ("so_ky_hieu", "text", "Số, ký hiệu văn bản kết quả", ()),
        (
            "loai_yeu_cau",
            "choice",
            "Loại yêu cầu",
            (("cap_moi", "Cấp mới"), ("cap_lai", "Cấp lại"), ("dieu_chinh", "Điều chỉnh")),
        ),
    ]
    if "xac_minh" in work:
        fields.append(("ket_qua_xac_minh", "bool", "Kết quả xác minh phù hợp với hồ sơ", ()))
    if "lay_y_kien" in work:
        fields.append(("co_quan_dong_y", "bool", "Cơ quan phối hợp có ý kiến đồng ý", ()))
    if with_payment:
        fields.append(("da_nop_phi", "bool", "Đã hoàn thành nghĩa vụ tài chính", ()))
    fields += rng.sample(EXTRA_FIELDS, rng.randint(2, 5))
    field_ids = {f[0] for f in fields}
    if "so_ban" not in field_ids:
        fields.append(EXTRA_FIELDS[0])
        field_ids.add("so_ban")
    if "phi" not in field_ids:
        fields.append(EXTRA_FIELDS[1])
        field_ids.add("phi")

    # --- forms and records
    forms = [
        ("giay-tiep-nhan", "receipt", "Giấy tiếp nhận hồ sơ và hẹn trả kết quả (Mẫu số 01)"),
        ("phieu-tu-choi", "refusal", "Phiếu từ chối tiếp nhận giải quyết hồ sơ (Mẫu số 03)"),
        ("phieu-kiem-soat", "control", "Phiếu kiểm soát quá trình giải quyết hồ sơ (Mẫu số 06)"),
    ]
    if with_supplement:
        forms.insert(1, ("phieu-bo-sung", "supplement", "Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ (Mẫu số 02)"))
    if with_stop:
        forms.append(("thong-bao-dung", "stop", "Thông báo dừng giải quyết hồ sơ (Mẫu số 05)"))
    records = [
        (
            "so-theo-doi",
            f"{one_stop_name} (Hệ thống thông tin một cửa điện tử)",
            "5y",
            "Sổ theo dõi hồ sơ và Phiếu kiểm soát quá trình giải quyết hồ sơ",
        ),
        (
            "ho-so-giai-quyet",
            f"Phòng chuyên môn lĩnh vực {domain}",
            rng.choice(["10y", "20y", "permanent"]),
            f"Hồ sơ giải quyết thủ tục {title.lower()}: thành phần hồ sơ, văn bản thẩm định, kết quả",
        ),
    ]
    if "van_thu" in work:
        records.append(("ban-luu-ket-qua", f"Văn thư {agency}", "10y", "Bản lưu kết quả giải quyết đã ký, đóng dấu"))

    # --- actions: (id, from, to, attributes, label, sets)
    actions: list[tuple[str, str, str, str, str, list[tuple[str, str]]]] = []
    initial_next = work[1]
    forms_issued = "giay-tiep-nhan phieu-kiem-soat"
    actions.append(
        (
            "kiem_tra",
            "tiep_nhan",
            initial_next,
            f'roles="cong-chuc-mot-cua" when="ho_so_day_du" requires="ho_so_day_du loai_yeu_cau so_ban" '
            f'issues="{forms_issued}" records="so-theo-doi"',
            "Hồ sơ đầy đủ, hợp lệ: tiếp nhận, lập Giấy tiếp nhận và hẹn trả kết quả",
            [("phi", f"so_ban * {rng.choice([2000, 5000, 8000, 10000, 50000, 100000])}")],
        )
    )
    if with_supplement:
        actions.append(
            (
                "kiem_tra",
                "tiep_nhan",
                "cho_bo_sung",
                'roles="cong-chuc-mot-cua" when="not ho_so_day_du" requires="ho_so_day_du ly_do" '
                'issues="phieu-bo-sung"',
                "Hồ sơ chưa đầy đủ: hướng dẫn bổ sung, hoàn thiện một lần bằng Phiếu yêu cầu bổ sung",
                [],
            )
        )
        actions.append(
            (
                "nop_bo_sung",
                "cho_bo_sung",
                "tiep_nhan",
                'roles="cong-chuc-mot-cua"',
                "Tổ chức, cá nhân nộp hồ sơ đã bổ sung, hoàn thiện",
                [],
            )
        )
        if with_withdrawal:
            actions.append(
                (
                    "rut_ho_so",
                    "cho_bo_sung",
                    "rut_ho_so",
                    'roles="cong-chuc-mot-cua" requires="ly_do"',
                    "Tổ chức, cá nhân không bổ sung và rút hồ sơ",
                    [],
                )
            )
    actions.append(
        (
            "tu_choi",
            "tiep_nhan",
            "tu_choi",
            'roles="cong-chuc-mot-cua" requires="ly_do" issues="phieu-tu-choi" records="so-theo-doi"',
            "Hồ sơ không thuộc thẩm quyền hoặc không đủ điều kiện tiếp nhận: lập Phiếu từ chối",
            [],
        )
    )
    verbs = {
        "chuyen": ("ban_giao", "Bàn giao hồ sơ cho phòng chuyên môn, ghi Phiếu kiểm soát quá trình"),
        "xac_minh": ("xac_minh_xong", "Hoàn thành xác minh, lập biên bản xác minh"),
        "lay_y_kien": ("tong_hop_y_kien", "Tổng hợp ý kiến cơ quan phối hợp, chuyển phòng chuyên môn"),
        "kiem_tra_phong": ("trinh_ky", "Lãnh đạo phòng trình lãnh đạo cơ quan ký"),
        "van_thu": ("phat_hanh", "Cho số, đóng dấu, phát hành, chuyển kết quả về Bộ phận Một cửa"),
    }
    for index, state in enumerate(work[1:-1], start=1):
        nxt = work[index + 1]
        role = owner[state][1]
        if state == "tham_dinh":
            actions.append(
                (
                    "trinh",
                    state,
                    nxt,
                    'roles="chuyen-vien" duty="prepare" when="du_dieu_kien" requires="du_dieu_kien"',
                    "Hồ sơ đủ điều kiện: dự thảo kết quả, trình ký",
                    [],
                )
            )
            actions.append(
                (
                    "trinh_tu_choi",
                    state,
                    nxt,
                    'roles="chuyen-vien" duty="prepare" when="not du_dieu_kien" requires="du_dieu_kien ly_do"',
                    "Không đủ điều kiện: dự thảo văn bản từ chối, trình ký",
                    [],
                )
            )
            if with_supplement:
                actions.append(
                    (
                        "yeu_cau_bo_sung",
                        state,
                        "cho_bo_sung",
                        'roles="chuyen-vien" duty="prepare" requires="ly_do" issues="phieu-bo-sung"',
                        "Hồ sơ cần bổ sung sau thẩm định: dự thảo văn bản yêu cầu bổ sung",
                        [],
                    )
                )
        elif state == "ky_duyet":
            actions.append(
                ("ky", state, nxt, 'roles="lanh-dao" duty="approve" when="du_dieu_kien"', "Ký kết quả giải quyết", [])
            )
            actions.append(
                (
                    "ky_tu_choi",
                    state,
                    "tu_choi",
                    'roles="lanh-dao" duty="approve" when="not du_dieu_kien" requires="ly_do" issues="phieu-tu-choi"',
                    "Ký văn bản từ chối giải quyết, nêu rõ lý do",
                    [],
                )
            )
            actions.append(
                (
                    "tra_lai",
                    state,
                    "tham_dinh",
                    'roles="lanh-dao" requires="ly_do"',
                    "Trả lại để thẩm định lại hoặc sửa dự thảo",
                    [],
                )
            )
        elif state == "xac_minh":
            actions.append(
                (
                    "xac_minh_xong",
                    state,
                    nxt,
                    f'roles="{role}" when="ket_qua_xac_minh or so_ban >= 1" requires="ket_qua_xac_minh"',
                    "Hoàn thành xác minh, lập biên bản xác minh",
                    [],
                )
            )
            actions.append(
                (
                    "xac_minh_xong",
                    state,
                    "tu_choi",
                    f'roles="{role}" default="true" requires="ly_do"',
                    "Kết quả xác minh không phù hợp với hồ sơ: chuyển dự thảo từ chối",
                    [],
                )
            )
        elif state == "lay_y_kien":
            actions.append(
                (
                    "tong_hop_y_kien",
                    state,
                    nxt,
                    f'roles="{role}" when="co_quan_dong_y"',
                    "Cơ quan phối hợp đồng ý: tổng hợp ý kiến, chuyển bước tiếp theo",
                    [],
                )
            )
            actions.append(
                (
                    "tong_hop_y_kien",
                    state,
                    "tham_dinh",
                    f"roles=\"{role}\" when=\"not co_quan_dong_y and loai_yeu_cau in ['cap_moi', 'dieu_chinh']\"",
                    "Cơ quan phối hợp không đồng ý: trả phòng chuyên môn thẩm định lại",
                    [],
                )
            )
            actions.append(
                (
                    "tong_hop_y_kien",
                    state,
                    "tu_choi",
                    f'roles="{role}" when="not co_quan_dong_y and loai_yeu_cau == \'cap_lai\'" requires="ly_do"',
                    "Không đồng ý cấp lại: chuyển dự thảo từ chối",
                    [],
                )
            )
        else:
            verb, label = verbs[state]
            extra = ' records="ban-luu-ket-qua" requires="so_ky_hieu"' if state == "van_thu" else ""
            actions.append((verb, state, nxt, f'roles="{role}"{extra}', label, []))
        if with_withdrawal and state in ("chuyen", "tham_dinh", "ky_duyet"):
            actions.append(
                (
                    "rut_ho_so",
                    state,
                    "rut_ho_so",
                    'roles="cong-chuc-mot-cua" requires="ly_do"',
                    "Tổ chức, cá nhân đề nghị rút hồ sơ trước khi có kết quả",
                    [],
                )
            )
        if with_stop and state in ("tham_dinh", "ky_duyet"):
            actions.append(
                (
                    "dung_xu_ly",
                    state,
                    "dung_xu_ly",
                    'roles="lanh-dao" requires="ly_do" issues="thong-bao-dung"',
                    "Dừng giải quyết theo yêu cầu của cơ quan có thẩm quyền",
                    [],
                )
            )
    if with_payment:
        actions.append(
            (
                "thong_bao_nghia_vu",
                "tra_ket_qua",
                "cho_nghia_vu_tai_chinh",
                'roles="cong-chuc-mot-cua" when="not da_nop_phi"',
                "Thông báo nghĩa vụ tài chính phải thực hiện trước khi nhận kết quả",
                [],
            )
        )
        actions.append(
            (
                "xac_nhan_nop_phi",
                "cho_nghia_vu_tai_chinh",
                "tra_ket_qua",
                'roles="ke-toan" requires="da_nop_phi"',
                "Xác nhận đã nộp phí, lệ phí, thuế",
                [],
            )
        )
        when = ' when="da_nop_phi"'
    else:
        when = ""
    actions.append(
        (
            "tra",
            "tra_ket_qua",
            "da_tra_ket_qua",
            f'roles="cong-chuc-mot-cua"{when} records="so-theo-doi"',
            "Trả kết quả; tổ chức, cá nhân ký nhận vào Sổ theo dõi hồ sơ",
            [],
        )
    )

    # --- write it out
    out: list[str] = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        "<!--",
        f"  {code}: Quy trình {title.lower()} tại {agency} {place}.",
        "",
        "  Tệp sinh tự động cho benchmark (benchmarks/bench_validate.py): quy trình độc lập,",
        "  đủ vai trò, đơn vị, trường dữ liệu, biểu mẫu, bước, thao tác và hồ sơ lưu.",
        f"  Thời gian các bước cộng lại không vượt thời hạn {limit_text}.",
        "-->",
        f'<process xmlns="urn:isoflow:process:1" code="{code}" revision="{revision}" effective="{effective}">',
        "  <control>",
        f'    <drafted by={_a(_person(rng))} title="Chuyên viên {_x(domain)}" on="{signed[0]}"/>',
        f'    <reviewed by={_a(_person(rng))} title="Trưởng phòng chuyên môn" on="{signed[1]}"/>',
        f'    <approved by={_a(_person(rng))} title={_a("Thủ trưởng " + agency)} on="{signed[2]}"/>',
        "    <history>",
    ]
    for rev in range(1, revision + 1):
        where = (
            "Toàn bộ tài liệu"
            if rev == 1
            else rng.choice(
                ["Mục 5.4 Thời hạn giải quyết", "Mục 5.2 Thành phần hồ sơ", "Mục 6 Biểu mẫu", "Bước 3 Thẩm định"]
            )
        )
        on = signed[2] if rev == revision else f"{year - 1 - revision + rev}-0{rng.randint(1, 9)}-15"
        text = "Ban hành lần đầu" if rev == 1 else "Sửa đổi theo văn bản quy phạm pháp luật mới"
        out.append(f'      <change revision="{rev}" on="{on}" where="{where}">{text} theo {_x(laws[0])}.</change>')
    out += [
        "    </history>",
        "  </control>",
        "",
        f'  <procedure level="{level}"'
        + (f' tthc-code="{rng.randint(1, 2)}.00{rng.randint(1000, 9999)}"' if rng.random() < 0.7 else "")
        + ">",
        f"    <title>{_x(title)}</title>",
    ]
    if rng.random() < 0.5:
        out.append(f'    <title lang="en">Administrative procedure {code}</title>')
    out += [
        f"    <agency>{_x(agency)} {_x(place)}</agency>",
        f"    <parent-agency>{_x(parent)} {_x(place)}</parent-agency>",
        f"    <domain>{_x(domain)}</domain>",
        f"    <purpose>Quy định trình tự, thành phần hồ sơ, thời gian và trách nhiệm giải quyết thủ tục "
        f"{_x(title.lower())} theo TCVN ISO 9001:2015, bảo đảm trả kết quả đúng hẹn.</purpose>",
        f"    <scope>Áp dụng đối với tổ chức, cá nhân có yêu cầu {_x(title.lower())} tại {_x(agency)} {_x(place)}; "
        f"áp dụng cho {_x(one_stop_name)}, phòng chuyên môn, lãnh đạo và văn thư cơ quan.</scope>",
        "    <references>",
    ]
    out += [f"      <ref>{_x(r)}</ref>" for r in rng.sample(REFERENCES, rng.randint(2, 4))]
    out += ["    </references>", "    <terms>"]
    out += [f'      <term abbr="{a}">{_x(t)}</term>' for a, t in rng.sample(TERMS, rng.randint(2, 5))]
    out += ["    </terms>", "    <legal-basis>"]
    out += [f"      <act>{_x(act)}</act>" for act in [*laws, *rng.sample(ONE_STOP_ACTS, rng.randint(1, 3))]]
    out += ["    </legal-basis>", "    <components>"]
    components = rng.sample(domain_components, rng.randint(min(3, len(domain_components)), len(domain_components)))
    components.append("Giấy tờ tùy thân có ảnh của người nộp hồ sơ (xuất trình để đối chiếu)")
    for i, text in enumerate(components, start=1):
        attrs = f' id="tp-{i}"'
        attrs += rng.choice(["", "", ' copy="copy"', ' copy="certified-copy"', ' copy="original-or-copy"'])
        attrs += ' count="2"' if rng.random() < 0.2 else ""
        attrs += ' required="false"' if i > 2 and rng.random() < 0.3 else ""
        out.append(f"      <component{attrs}>{_x(text)}</component>")
    out += [
        "    </components>",
        f"    <time-limit {limit} basis={_a(laws[0] + ': ' + limit_text)}/>",
        f"    <place receipt={_a(one_stop_name)} return={_a(one_stop_name + ' hoặc qua dịch vụ bưu chính công ích')}/>",
        f'    <fee amount="{rng.choice([0, 2000, 8000, 50000, 100000, 500000])}">Theo quy định của Bộ Tài chính về '
        f"phí, lệ phí lĩnh vực {_x(domain)}; miễn cho đối tượng chính sách theo quy định.</fee>",
        f'    <online level="{rng.choice(["full", "partial", "none"])}"/>',
        "  </procedure>",
        "",
        "  <roles>",
    ]
    out += [f'    <role id="{rid}">{_x(name)}</role>' for rid, name in roles.items()]
    out += ["  </roles>", "", "  <units>"]
    out += [f'    <unit id="{uid}" kind="{kind}">{_x(name)}</unit>' for uid, (kind, name) in units.items()]
    out += ["  </units>", "", "  <fields>"]
    for fid, ftype, label, options in fields:
        out.append(
            f'    <field id="{fid}" type="{ftype}"' + (' required="true"' if fid == "ho_so_day_du" else "") + ">"
        )
        out.append(f"      <label>{_x(label)}</label>")
        out += [f'      <option value="{value}">{_x(text)}</option>' for value, text in options]
        out.append("    </field>")
    out += ["  </fields>", "", "  <forms>"]
    out += [f'    <form id="{fid}" template="{tpl}">{_x(name)}</form>' for fid, tpl, name in forms]
    out += ["  </forms>", "", "  <states>"]
    for state in work:
        unit, role, status = owner[state]
        initial = ' initial="true"' if state == "tiep_nhan" else ""
        out.append(
            f'    <state id="{state}"{initial} unit="{unit}" role="{role}" budget="{_hours(budgets[state])}" '
            f'status="{status}">'
        )
        out += [f"      <label>{_x(work_labels[state])}</label>", "    </state>"]
    for state in waiting:
        status = 5 if state == "cho_bo_sung" else 6
        text = (
            "Chờ tổ chức, cá nhân bổ sung, hoàn thiện hồ sơ (dừng tính thời hạn)"
            if status == 5
            else "Chờ thực hiện nghĩa vụ tài chính (dừng tính thời hạn)"
        )
        out += [
            f'    <state id="{state}" kind="waiting" unit="bp-mot-cua" role="cong-chuc-mot-cua" status="{status}">',
            f"      <label>{text}</label>",
            "    </state>",
        ]
    for state in finals:
        outcome, status, text = final_defs[state]
        out += [
            f'    <state id="{state}" kind="final" outcome="{outcome}" status="{status}">',
            f"      <label>{text}</label>",
            "    </state>",
        ]
    out += ["  </states>", "", "  <actions>"]
    for aid, source, target, attrs, label, sets in actions:
        out.append(f'    <action id="{aid}" from="{source}" to="{target}" {attrs}>')
        out.append(f"      <label>{_x(label)}</label>")
        out += [f'      <set field="{field}" value="{_x(value)}"/>' for field, value in sets]
        out.append("    </action>")
    out += ["  </actions>", "", "  <records>"]
    out += [
        f'    <record id="{rid}" place={_a(where)} retention="{ret}">{_x(name)}</record>'
        for rid, where, ret, name in records
    ]
    out += ["  </records>", "</process>", ""]
    return unicodedata.normalize("NFC", "\n".join(out))


def extending(rng: random.Random, number: int) -> str:
    """A valid procedure that extends MC-CHUNG and only writes what differs."""
    domain, level, agency, _parent, titles, laws, domain_components = rng.choice(DOMAINS)
    title = rng.choice(titles)
    place = rng.choice(PLACES)
    days = rng.choice([3, 5, 7, 10, 15])
    steps = ["tiep_nhan", "chuyen", "tham_dinh", "ky_duyet", "van_thu", "tra_ket_qua"]
    budgets = _split(days * 8 * rng.uniform(0.8, 1.0), [1, 0.5, 6, 2, 0.5, 1])
    out = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        f"<!-- QT-MC-{number:05d}: {title} – kế thừa luồng một cửa dùng chung MC-CHUNG. -->",
        f'<process xmlns="urn:isoflow:process:1" code="QT-MC-{number:05d}" revision="1" effective="2026-12-01" '
        'extends="MC-CHUNG">',
        "  <control>",
        f'    <drafted by={_a(_person(rng))} title="Chuyên viên" on="2026-11-10"/>',
        f'    <reviewed by={_a(_person(rng))} title="Trưởng phòng" on="2026-11-15"/>',
        f'    <approved by={_a(_person(rng))} title="Giám đốc" on="2026-11-20"/>',
        "    <history>",
        '      <change revision="1" on="2026-11-20" where="Toàn bộ tài liệu">Ban hành lần đầu</change>',
        "    </history>",
        "  </control>",
        f'  <procedure level="{level}">',
        f"    <title>{_x(title)}</title>",
        f"    <agency>{_x(agency)} {_x(place)}</agency>",
        f"    <domain>{_x(domain)}</domain>",
        f"    <purpose>Quy định trình tự giải quyết thủ tục {_x(title.lower())}.</purpose>",
        f"    <scope>Áp dụng tại {_x(agency)} {_x(place)}.</scope>",
        "    <legal-basis>",
        *[f"      <act>{_x(a)}</act>" for a in laws],
        "    </legal-basis>",
        "    <components>",
        *[f'      <component id="tp-{i}">{_x(c)}</component>' for i, c in enumerate(domain_components, 1)],
        "    </components>",
        f'    <time-limit working-days="{days}" basis={_a(laws[0])}/>',
        f'    <place receipt="Bộ phận Một cửa {_x(agency)}" return="Bộ phận Một cửa {_x(agency)}"/>',
        '    <fee amount="0">Không thu phí.</fee>',
        "  </procedure>",
        "  <roles>",
        f'    <role id="lanh-dao">Lãnh đạo {_x(agency)}</role>',
        "  </roles>",
        "  <states>",
        *[f'    <state id="{s}" budget="{_hours(b)}"/>' for s, b in zip(steps, budgets, strict=True)],
        "  </states>",
        "</process>",
        "",
    ]
    return unicodedata.normalize("NFC", "\n".join(out))


def generate(folder: Path, count: int, seed: int) -> list[Path]:
    """``count`` procedure files (about 1 in 100, at least 3, extend MC-CHUNG) and the flow."""
    rng = random.Random(seed)  # noqa: S311 - test data, not secrets
    folder.mkdir(parents=True, exist_ok=True)
    extenders = max(3, count // 100) if count >= 10 else 0
    every = count // extenders if extenders else 0
    written = []
    for number in range(1, count + 1):
        if every and number % every == 0:
            text, name = extending(rng, number), f"qt-mc-{number:05d}.xml"
        else:
            text, name = standalone(rng, number), f"qt-{number:05d}.xml"
        path = folder / name
        path.write_text(text, encoding="utf-8")
        written.append(path)
    flow = folder / FLOW.name
    shutil.copyfile(FLOW, flow)
    written.append(flow)
    return written


# ----------------------------------------------------------------------------------------------
# Measurement
# ----------------------------------------------------------------------------------------------


def bare(files: list[Path]) -> int:
    """Read, parse with a hardened parser and XSD-validate each file; the number valid."""
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)
    xsd_source = resources.files("isoflow.loading").joinpath("schema/process.xsd").read_bytes()
    xsd = etree.XMLSchema(etree.fromstring(xsd_source, parser))
    valid = 0
    for path in files:
        root = etree.fromstring(path.read_bytes(), parser)
        valid += xsd.validate(root)
    return valid


def isoflow_run(folder: Path, jobs: int) -> int:
    """``validate_paths`` as the command line calls it; the number of findings."""
    report = validate_paths([folder], jobs=jobs)
    return len(report.findings) + len(report.unreadable)


def child(variant: str, folder: Path, jobs: int) -> int:
    """Time one variant in this (fresh) process and print ``seconds result``.

    The modules ``validate_paths`` imports on first use are imported first: start-up is not
    validation, and the bare variant does not pay for importing lxml either.
    """
    import isoflow.paper.templates
    import isoflow.validation.parallel  # noqa: F401 - imported, not timed

    files = sorted(folder.glob("*.xml"))
    start = time.perf_counter()
    result = bare(files) if variant == "bare" else isoflow_run(folder, jobs)
    print(f"{time.perf_counter() - start:.6f} {result}")
    return 0


def in_fresh_process(variant: str, folder: Path, jobs: int) -> tuple[float, int]:
    """Run :func:`child` in a new interpreter: (seconds, result)."""
    done = subprocess.run([sys.executable, __file__, "--child", variant, str(folder), str(jobs)],
                          capture_output=True, text=True)
    if done.returncode != 0:
        raise RuntimeError(f"the {variant} measurement failed:\n{done.stdout}{done.stderr}")
    seconds, result = done.stdout.splitlines()[-1].split()
    return float(seconds), int(result)


def check_sample(files: list[Path], scratch: Path) -> bool:
    """Validate a sample (every extending file, the flow and some standalone ones) on its own."""
    rng = random.Random(1)  # noqa: S311
    standalone_files = [f for f in files if f.name.startswith("qt-0")]
    sample = [f for f in files if not f.name.startswith("qt-0")]
    sample += rng.sample(standalone_files, min(60, len(standalone_files)))
    shutil.rmtree(scratch, ignore_errors=True)  # left by an earlier run with --out
    scratch.mkdir()
    for path in sample:
        shutil.copyfile(path, scratch / path.name)
    report = validate_paths([scratch], jobs=1)
    if report.findings or report.unreadable:
        print(as_text(report), file=sys.stderr)
        return False
    return True


def profile(folder: Path, files: list[Path]) -> None:
    """cProfile of the serial isoflow run, then a phase breakdown and the pool's pickling cost."""
    xml_parser._SCHEMA = None
    profiler = cProfile.Profile()
    profiler.enable()
    validate_paths([folder], jobs=1)
    profiler.disable()
    for order, count in (("cumulative", 25), ("tottime", 25)):
        stream = io.StringIO()
        stats = pstats.Stats(profiler, stream=stream)
        stats.strip_dirs().sort_stats(order).print_stats(count)
        text = stream.getvalue()
        print(f"\n=== cProfile, isoflow jobs=1, top {count} by {order} ===")
        print(text[text.find("   ncalls") :].rstrip())

    # Phases, without the profiler's overhead.
    found = discover([folder])
    start = time.perf_counter()
    results = load_all(found)
    load = time.perf_counter() - start
    definitions = [r.definition for r in results if getattr(r, "definition", None)]
    start = time.perf_counter()
    catalogue = Catalogue(definitions)
    validate(definitions, [], [str(p) for p in found], catalogue=catalogue)
    rules = time.perf_counter() - start
    start = time.perf_counter()
    payload = [pickle.dumps(r, pickle.HIGHEST_PROTOCOL) for r in results]
    dumped = time.perf_counter() - start
    start = time.perf_counter()
    for blob in payload:
        pickle.loads(blob)  # noqa: S301 - our own objects
    loaded = time.perf_counter() - start
    size = sum(len(b) for b in payload)
    source = sum(p.stat().st_size for p in files)
    print("\n=== phases, serial, without profiler ===")
    print(f"load_all (read, parse, XSD, positions scan, build)  {load:7.3f} s")
    print(f"Catalogue + validate (extends, rules, suppressions)  {rules:7.3f} s")
    print(
        f"if the pool shipped every loaded file (it ships findings only): pickle.dumps {dumped:.3f} s, "
        f"pickle.loads {loaded:.3f} s; "
        f"{size / 1e6:.1f} MB pickled for {source / 1e6:.1f} MB of XML"
    )


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["--child"]:
        return child(argv[1], Path(argv[2]), int(argv[3]))
    parser = argparse.ArgumentParser(
        description=__doc__.split("\n\n")[0], formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--files", type=int, default=2000, help="procedure files to generate (default 2000)")
    parser.add_argument(
        "--repeat", type=int, default=7, help="rounds (each variant once per round); medians reported (default 7)"
    )
    parser.add_argument("--jobs", type=int, default=0, help="jobs for the parallel variant (default 0: one per CPU)")
    parser.add_argument("--seed", type=int, default=2026, help="seed of the generator (default 2026)")
    parser.add_argument("--out", type=Path, help="write the files here (kept) instead of a temporary folder")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder and print its path")
    parser.add_argument("--profile", action="store_true", help="also profile the serial isoflow run (cProfile)")
    args = parser.parse_args(argv)

    base = args.out.resolve() if args.out else Path(tempfile.mkdtemp(prefix="isoflow-bench-"))
    folder = base / "processes"
    if folder.exists():
        shutil.rmtree(folder)
    try:
        start = time.perf_counter()
        files = generate(folder, args.files, args.seed)
        lines = sum(p.read_text(encoding="utf-8").count("\n") for p in files)
        size = sum(p.stat().st_size for p in files)
        print(
            f"generated {len(files)} files in {folder} ({time.perf_counter() - start:.1f} s): "
            f"{lines / len(files):.0f} lines and {size / len(files) / 1024:.1f} KiB per file on average; "
            f"{sum(1 for p in files if p.name.startswith('qt-mc-'))} extend MC-CHUNG"
        )
        if not check_sample(files, base / "sample"):
            print(
                "ABORT: the generated sample does not validate clean (findings above); fix the generator",
                file=sys.stderr,
            )
            return 1
        print("sample validates clean")

        cpus = cpu_count()  # as isoflow counts them: the CPUs this process may use
        jobs = args.jobs or cpus
        variants = [
            ("bare lxml parse + XSD (1 process)", "bare", 1),
            (f"isoflow validate_paths (jobs={jobs})", "isoflow", args.jobs),
            ("isoflow validate_paths (jobs=1)", "isoflow", 1),
        ]
        # Rounds: each variant once per round, in turn, so that a slow spell of a shared machine
        # falls on all of them; the verdict is the median of the per-round ratios.
        times: list[list[float]] = [[] for _ in variants]
        results = [0] * len(variants)
        for _ in range(args.repeat):
            for column, (_, variant, variant_jobs) in enumerate(variants):
                seconds, results[column] = in_fresh_process(variant, folder, variant_jobs)
                times[column].append(seconds)
        rows = [(name, statistics.median(runs), runs, result)
                for (name, _, _), runs, result in zip(variants, times, results, strict=True)]
        ratios = [[run / bare for run, bare in zip(runs, times[0], strict=True)] for runs in times]
        print(
            f"\n{len(files)} files, {args.repeat} rounds (medians), {cpus} CPUs, Python "
            f"{sys.version.split()[0]}, lxml {etree.__version__}, libxml2 {etree.LIBXML_VERSION}"
        )
        print(f"{'variant':<40} | {'median s':>8} | {'files/s':>8} | {'ratio':>6} | runs (s)")
        print(f"{'-' * 40}-+-{'-' * 8}-+-{'-' * 8}-+-{'-' * 6}-+-{'-' * 30}")
        for (name, median, runs, _), ratio in zip(rows, ratios, strict=True):
            text = " ".join(f"{t:.2f}" for t in runs)
            print(f"{name:<40} | {median:8.3f} | {len(files) / median:8.0f} | "
                  f"{statistics.median(ratio):5.2f}x | {text}")
        if rows[0][3] != len(files):
            print(f"WARNING: bare lxml found {len(files) - rows[0][3]} schema-invalid files")
        for name, _, _, findings in rows[1:]:
            if findings:
                print(f"WARNING: {name} reported {findings} findings; the files should all be clean")
        ratio = statistics.median(ratios[1])
        verdict = "MET" if ratio <= TARGET else "NOT MET"
        print(
            f"\ntarget: whole validation at most {TARGET}x bare lxml; parallel isoflow is {ratio:.2f}x: {verdict} "
            f"(serial: {statistics.median(ratios[2]):.2f}x; ratios are medians of the rounds' ratios, "
            f"parallel rounds {' '.join(f'{r:.2f}' for r in ratios[1])})"
        )

        if args.profile:
            profile(folder, files)
        return 0
    finally:
        if args.out or args.keep:
            print(f"\nfiles kept in {folder}")
        else:
            shutil.rmtree(base, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
