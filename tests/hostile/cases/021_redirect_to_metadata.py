"""A redirect into the cloud metadata service."""

DESCRIPTION = "redirect to http://169.254.169.254/latest/meta-data/ with --allow-private-networks given"
EXPECTED = "refused: link-local stays closed unless a listed CIDR covers it"
OUTCOME = "error"
MESSAGE = r"refused: 169\.254\.169\.254 resolves to the non-public address 169\.254\.169\.254"


def source(ctx):
    return ctx.redirect("/feed.xml", "http://169.254.169.254/latest/meta-data/iam/security-credentials/", 302)
