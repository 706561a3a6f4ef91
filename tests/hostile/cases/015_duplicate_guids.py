"""The same GUID on several different items."""

from tests.hostile.documents import item, rss

DESCRIPTION = "duplicate GUIDs: five items share one GUID, three are distinct"
EXPECTED = "one row per GUID (the last copy wins); repeated keys reported"
OUTCOME = "ok"
MESSAGE = r"^ok .*: 8 items, 4 new, 0 changed, 4 repeated keys"


def source(ctx):
    items = [item("same", f"Copy {i}") for i in range(5)] + [item(f"uniq-{i}", f"Unique {i}") for i in range(3)]
    return ctx.serve("/feed.xml", rss(items).encode())


def check(ctx, run):
    assert run.scalar("SELECT count(*) FROM items WHERE item_guid = 'same'") == 1
    assert run.scalar("SELECT title FROM items WHERE item_guid = 'same'") == "Copy 4"
