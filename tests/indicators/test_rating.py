"""Recording a citizen's rating (Decree 61/2018 Art. 31): what the store accepts and refuses."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from isoflow.errors import DossierNotFound, StoreError
from isoflow.indicators.formulas import Rating
from tests.indicators.conftest import Office

AT = datetime(2026, 3, 20, 10, 0)


def test_a_new_rating_replaces_the_old(office: Office) -> None:
    # conftest rated D1 "not satisfied, complaint", then "very satisfied" with topics and a comment.
    assert office.desk.store.rating(office.codes["D1"]) == Rating(2, False, {"thoi_gian": 2, "thai_do": 2}, "Nhanh")
    assert office.desk.store.rating(office.codes["L1"]) == Rating(0, True, {}, "Không được hướng dẫn")


def test_an_unrated_dossier_has_no_rating(office: Office) -> None:
    assert office.desk.store.rating(office.codes["D3"]) is None


def test_an_unknown_dossier_cannot_be_rated(office: Office) -> None:
    with pytest.raises(DossierNotFound):
        office.desk.rate("000.00.31.H40-260309-9999", Rating(1), AT)


@pytest.mark.parametrize(("rating", "message"), [
    (Rating(3), "overall rating 3 is not one of 2 Rất hài lòng, 1 Hài lòng, 0 Không hài lòng"),
    (Rating(-1), "overall rating -1 is not one of"),
    (Rating(1, topics={"toc_do": 1}), "no rating topic 'toc_do' (topics: thoi_gian, so_co_quan"),
    (Rating(1, topics={"thai_do": 5}), "rating of 'thai_do' is 5, not one of"),
])
def test_a_malformed_rating_is_refused_and_changes_nothing(office: Office, rating: Rating, message: str) -> None:
    code = office.codes["D2"]
    with pytest.raises(StoreError, match=r"^dossier .*: ") as raised:
        office.desk.rate(code, rating, AT)
    assert message in str(raised.value)
    assert code in str(raised.value)
    assert office.desk.store.rating(code) == Rating(1)


@pytest.mark.parametrize("rating", [Rating(True), Rating(1, topics={"thai_do": True}), Rating(1, complaint="no"),
                                    Rating(1, comment=None)])  # type: ignore[arg-type]
def test_a_rating_of_the_wrong_type_is_refused(rating: Rating, tmp_path: Path) -> None:
    from isoflow.workspace import open_desk

    desk = open_desk([Path(__file__).parents[2] / "processes"], "sqlite://:memory:")
    try:
        d = desk.receive("QT-DKKD-01", unit="H40", channel="online", applicant={"ho_ten": "A"}, data={},
                         actor="le.an", role="cong-chuc-mot-cua", at=datetime(2026, 3, 2, 8, 0))
        with pytest.raises(StoreError):
            desk.rate(d.code, rating, datetime(2026, 3, 2, 9, 0))
        assert desk.store.rating(d.code) is None
    finally:
        desk.store.close()
