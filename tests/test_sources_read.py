"""``sources.read``: mbox, Maildir, and the folder walk (what is read, what is skipped, why)."""

import os
import shutil
from pathlib import Path

import pytest

from correspondence_guard.errors import UsageError
from correspondence_guard.model import Skipped, Unreadable
from correspondence_guard.sources import read

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
OFFICER_MAIL = SAMPLES / "mail" / "01-silent-bcc-enforcement-update.eml"  # from Martin Crabtree
LEADER_MAIL = SAMPLES / "mail" / "04-leader-instructs-contractor.eml"  # from Cllr Rachel Ashworth
LETTER = SAMPLES / "letters" / "09-leader-commits-grant.txt"
OFFICER = "martin.crabtree@pendlebrook.gov.uk"
LEADER = "rachel.ashworth@pendlebrook.gov.uk"


def test_mbox_streams_messages_with_positions(tmp_path):
    first, second = OFFICER_MAIL.read_bytes(), LEADER_MAIL.read_bytes()
    body = b"From a@b Tue Feb  4 08:03:16 2025\n" + first.replace(b"\r\n", b"\n") + b"\n>From the start\n\n"
    body += b"From c@d Thu Mar  6 18:22:50 2025\n" + second.replace(b"\r\n", b"\n") + b"\n"
    mbox = tmp_path / "box.mbox"
    mbox.write_bytes(body)
    docs = list(read([str(mbox)]))
    assert [d.source for d in docs] == [f"{mbox}#1", f"{mbox}#2"]
    assert [d.sender.address for d in docs] == [OFFICER, LEADER]


def test_maildir_reads_cur_then_new_and_its_maildirplus_folders(tmp_path):
    md = tmp_path / "md"
    for sub in ("cur", "new", "tmp", ".Sent/cur", ".Sent/new", ".Trash-notes"):
        (md / sub).mkdir(parents=True)
    shutil.copy(LEADER_MAIL, md / "new" / "2")
    shutil.copy(OFFICER_MAIL, md / "cur" / "1:2,S")
    shutil.copy(OFFICER_MAIL, md / ".Sent" / "cur" / "3:2,S")
    shutil.copy(OFFICER_MAIL, md / "tmp" / "4")
    (md / "dovecot-uidlist").write_text("3 V1 N4\n")
    items = list(read([str(md)]))
    docs = [i for i in items if not isinstance(i, (Skipped, Unreadable))]
    assert [d.source for d in docs] == [str(md / "cur" / "1:2,S"), str(md / "new" / "2"), str(md / ".Sent" / "cur" / "3:2,S")]
    assert [d.sender.address for d in docs] == [OFFICER, LEADER, OFFICER]
    skipped = {Path(i.source).name: i.reason for i in items if isinstance(i, Skipped)}
    assert skipped == {
        "dovecot-uidlist": "Maildir control file",
        "4": "Maildir tmp/: a message still being delivered",
        ".Trash-notes": "hidden folder",
    }


def test_folder_walk_reads_mail_and_letters_and_lists_what_it_skips(tmp_path):
    folder = tmp_path / "export"
    (folder / "LICENSES" / "someone").mkdir(parents=True)
    shutil.copy(OFFICER_MAIL, folder / "0001.eml")
    shutil.copy(LETTER, folder / "letter.bin")  # a letter, whatever its name says
    (folder / "policy.yaml").write_text("council: {}")
    (folder / ".DS_Store").write_bytes(b"\x00\x00\x00\x01Bud1")
    (folder / "LICENSE").write_text("Permission is hereby granted, free of charge, to any person\n")
    (folder / "NOTICE").write_text("This product includes software developed by others.\n")
    shutil.copy(LETTER, folder / "notice.txt")  # a council's notice is correspondence
    shutil.copy(LETTER, folder / "hmo-licence-fees.txt")
    (folder / "LICENSES" / "someone" / "MIT.txt").write_text("MIT License\n")
    (folder / "INDEX.tsv").write_text("path\tsize\n0001.eml\t100\n")
    (folder / "scan.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(100))
    (folder / "junk.dat").write_bytes(bytes(range(256)) * 4)
    (folder / "empty.eml").write_bytes(b"")
    (folder / "damaged.eml").write_bytes(bytes(range(256)) * 4)
    (folder / "outlook.msg").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600)
    items = {Path(i.source).name: i for i in read([str(folder)])}
    assert items["0001.eml"].kind == "email" and items["0001.eml"].sender.address == OFFICER
    assert items["letter.bin"].kind == items["notice.txt"].kind == items["hmo-licence-fees.txt"].kind == "letter"
    skipped = {name: i.reason for name, i in items.items() if isinstance(i, Skipped)}
    assert skipped == {
        "policy.yaml": "configuration or documentation",
        ".DS_Store": "hidden file",
        "LICENSE": "licence, notice or read-me file",
        "NOTICE": "licence, notice or read-me file",
        "MIT.txt": "licence, notice or read-me file",
        "INDEX.tsv": "spreadsheet or data table",
        "scan.png": "image",
        "junk.dat": "binary data, not mail or a letter",
    }
    errors = {name: i for name, i in items.items() if isinstance(i, Unreadable)}
    assert set(errors) == {"empty.eml", "damaged.eml", "outlook.msg"}  # names that promise mail
    assert errors["empty.eml"] == Unreadable(str(folder / "empty.eml"), "empty file")
    assert errors["damaged.eml"].error == "binary data: not an email, letter or mailbox"
    assert "Outlook .msg" in errors["outlook.msg"].error
    assert not any(e.internal for e in errors.values())


def test_a_fifo_is_listed_as_skipped_and_never_opened(tmp_path):
    os.mkfifo(tmp_path / "pipe.eml")  # opening it would block the walk for ever
    shutil.copy(OFFICER_MAIL, tmp_path / "a.eml")
    items = list(read([str(tmp_path)]))
    assert [type(i).__name__ for i in items] == ["Correspondence", "Skipped"]
    assert items[1] == Skipped(str(tmp_path / "pipe.eml"), "not a regular file: a FIFO")


def test_a_link_to_a_folder_is_not_followed(tmp_path):
    shutil.copy(OFFICER_MAIL, tmp_path / "a.eml")
    os.symlink(tmp_path, tmp_path / "loop")  # followed, the walk would never end
    items = list(read([str(tmp_path)]))
    assert [type(i).__name__ for i in items] == ["Correspondence", "Skipped"]
    assert items[1].reason == "not a regular file: a link to a folder, not followed (it could loop)"


def test_a_folder_or_file_that_cannot_be_read_is_an_error_entry(tmp_path, monkeypatch):
    (tmp_path / "locked").mkdir()
    shutil.copy(OFFICER_MAIL, tmp_path / "a.eml")
    os.symlink(tmp_path / "gone.eml", tmp_path / "dangling.eml")
    real_scandir = os.scandir

    def scandir(path):  # root reads any folder, so refuse this one as the kernel would
        if str(path).endswith("locked"):
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    items = list(read([str(tmp_path)]))
    errors = {Path(i.source).name: i.error for i in items if isinstance(i, Unreadable)}
    assert errors == {"dangling.eml": "cannot open: No such file or directory",
                      "locked": "cannot read folder: Permission denied"}
    assert [i.sender.address for i in items if hasattr(i, "sender")] == [OFFICER]


def test_a_file_name_that_is_not_utf8_is_shown_escaped(tmp_path):
    raw = os.fsencode(tmp_path) + b"/caf\xe9\x1b[2J.eml"
    with open(raw, "wb") as out:
        out.write(OFFICER_MAIL.read_bytes())
    [doc] = read([str(tmp_path)])
    assert doc.source == f"{tmp_path}/caf\\xe9\\x1b[2J.eml"
    doc.source.encode("utf-8")  # no surrogate left: every report can write it
    assert doc.sender.address == OFFICER


def test_relative_source_names(tmp_path, monkeypatch):
    (tmp_path / "messages").mkdir()
    shutil.copy(OFFICER_MAIL, tmp_path / "messages" / "0001.eml")
    monkeypatch.chdir(tmp_path)
    assert [d.source for d in read(["messages"])] == ["messages/0001.eml"]


def test_missing_path_is_a_usage_error(tmp_path):
    with pytest.raises(UsageError):
        list(read([str(tmp_path / "nope")]))
