"""A feed URL with credentials, in feeds.toml, on a server that fails."""

SECRET = "t0p-s3cr3t"

DESCRIPTION = "credentials in a feeds.toml URL whose server answers 500, through `refresh`"
EXPECTED = "a per-feed error; the password is in no output, runs row, feeds row or feed_state error"
OUTCOME = "error"
MESSAGE = r"server answered 500"
MODE = "refresh"


def source(ctx):
    url = ctx.serve("/feed.xml", b"broken", status=500)
    return url.replace("http://", f"http://reader:{SECRET}@")


def check(ctx, run):
    assert SECRET not in run.output
    assert run.scalar(f"SELECT count(*) FROM runs WHERE detail::VARCHAR LIKE '%{SECRET}%'") == 0
    assert run.scalar(f"SELECT count(*) FROM feeds WHERE url LIKE '%{SECRET}%'") == 0
    assert run.scalar(f"SELECT count(*) FROM feed_state WHERE coalesce(last_error, '') LIKE '%{SECRET}%'") == 0
