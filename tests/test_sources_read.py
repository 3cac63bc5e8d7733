import shutil

import pytest

from correspondence_guard.errors import UsageError
from correspondence_guard.model import Correspondence, Unreadable
from correspondence_guard.sources import read


def test_mbox_streams_messages_with_positions(tmp_path, message_path):
    first, second = message_path("0021").read_bytes(), message_path("0005").read_bytes()
    body = b"From a@b Tue Feb  4 08:03:16 2025\n" + first.replace(b"\r\n", b"\n") + b"\n>From the start\n\n"
    body += b"From c@d Thu Mar  6 18:22:50 2025\n" + second.replace(b"\r\n", b"\n") + b"\n"
    mbox = tmp_path / "box.mbox"
    mbox.write_bytes(body)
    docs = list(read([str(mbox)]))
    assert [d.source for d in docs] == [f"{mbox}#1", f"{mbox}#2"]
    assert docs[0].sender.address == "rebecca.ashworth@ashbournevale.gov.uk"
    assert docs[1].sender.address == "sianprydderch@gmail.com"


def test_maildir_reads_cur_and_new(tmp_path, message_path):
    for sub in ("cur", "new", "tmp"):
        (tmp_path / "md" / sub).mkdir(parents=True)
    shutil.copy(message_path("0021"), tmp_path / "md" / "cur" / "1:2,S")
    shutil.copy(message_path("0005"), tmp_path / "md" / "new" / "2")
    docs = list(read([str(tmp_path / "md")]))
    assert [d.source for d in docs] == [str(tmp_path / "md" / "cur" / "1:2,S"), str(tmp_path / "md" / "new" / "2")]
    assert all(isinstance(d, Correspondence) for d in docs)


def test_folder_walk_sniffs_by_content_and_skips_config(tmp_path, message_path, letter_path):
    folder = tmp_path / "messages"
    folder.mkdir()
    shutil.copy(message_path("0021"), folder / "0001.eml")
    shutil.copy(letter_path("L05"), folder / "letter.bin")
    (folder / "policy.yaml").write_text("council: {}")
    (folder / ".DS_Store").write_bytes(b"\x00\x00\x00\x01Bud1")
    (folder / "empty.eml").write_bytes(b"")
    (folder / "junk.dat").write_bytes(bytes(range(256)) * 4)
    (folder / "outlook.msg").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600)
    docs = {d.source.rsplit("/", 1)[-1]: d for d in read([str(folder)])}
    assert set(docs) == {"0001.eml", "letter.bin", "empty.eml", "junk.dat", "outlook.msg"}
    assert docs["0001.eml"].kind == "email"
    assert docs["letter.bin"].kind == "letter"
    assert docs["empty.eml"] == Unreadable(str(folder / "empty.eml"), "empty file")
    assert isinstance(docs["junk.dat"], Unreadable)
    assert isinstance(docs["outlook.msg"], Unreadable)


def test_relative_source_names(tmp_path, message_path, monkeypatch):
    (tmp_path / "messages").mkdir()
    shutil.copy(message_path("0021"), tmp_path / "messages" / "0001.eml")
    monkeypatch.chdir(tmp_path)
    assert [d.source for d in read(["messages"])] == ["messages/0001.eml"]


def test_missing_path_is_a_usage_error(tmp_path):
    with pytest.raises(UsageError):
        list(read([str(tmp_path / "nope")]))
