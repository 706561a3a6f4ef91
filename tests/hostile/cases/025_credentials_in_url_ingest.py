"""A feed URL with a user name and password in it, through `ingest`."""

from tests.hostile.documents import item, rss

SECRET = "s3cr3t-pa55"

DESCRIPTION = "credentials in the feed URL (http://reader:s3cr3t-pa55@host/...) given to `ingest`"
EXPECTED = "fetched, but the password is in no output line, no runs row and no feeds row"
OUTCOME = "ok"
MESSAGE = r"^ok .*: 1 items, 1 new"


def source(ctx):
    url = ctx.serve("/feed.xml", rss([item("cred-1")]).encode())
    return url.replace("http://", f"http://reader:{SECRET}@")


def check(ctx, run):
    assert SECRET not in run.output
    assert run.scalar(f"SELECT count(*) FROM runs WHERE detail::VARCHAR LIKE '%{SECRET}%'") == 0
    assert run.scalar(f"SELECT count(*) FROM feeds WHERE url LIKE '%{SECRET}%'") == 0
    assert ctx.server.headers_of(ctx.prefix + "/feed.xml")[0]["authorization"].startswith("Basic ")
