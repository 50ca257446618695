"""The counterparty targets workbook (11_data_model.md §8.11)."""
import io

import openpyxl

from snapshot.synth.sidecars import MISSING_ORG, workbook_bytes


def test_workbook_shape(synth_dataset):
    wb = openpyxl.load_workbook(io.BytesIO(workbook_bytes(synth_dataset)), read_only=True)
    assert wb.sheetnames == ["26 출강 타겟", "26 온라인 타겟"]
    names = {o["이름"] for o in synth_dataset.organization}
    for title in wb.sheetnames:
        rows = list(wb[title].iter_rows(values_only=True))
        assert rows[0] == ("티어", "기업명", "카운터파티", "담당자", "팀&파트", title)
        data = rows[1:]
        bulk = data[:-3]
        assert bulk and all(r[5] == 0 for i, r in enumerate(bulk) if i % 3 == 2)
        assert all(r[5] > 0 for i, r in enumerate(bulk) if i % 3 != 2)
        assert data[-3] == data[0]                      # the duplicated key
        assert data[-2][2] == "-"                       # a 미입력 counterparty
        assert data[-1][1] == MISSING_ORG and MISSING_ORG not in names
    props = openpyxl.load_workbook(io.BytesIO(workbook_bytes(synth_dataset))).properties
    assert props.created.isoformat() == props.modified.isoformat() == "2026-01-18T18:00:00"
