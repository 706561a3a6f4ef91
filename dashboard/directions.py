"""One side of a company's statements, as the Rivalry and Company pages show
it: what it says about others, or what others say about it."""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd
import streamlit as st

from dashboard import charts, quotes, rollups
from dashboard.names import Names

EVIDENCE = "views/evidence.py"


def stance_side(
    statements: pd.DataFrame, *, by: str, title: str, key: str, empty: str, link_label: str,
    link_params: dict, evidence: Callable[[], pd.DataFrame] | None = None, names: Names | None = None,
) -> None:
    """The stance mix of ``statements`` per ``by`` (target or speaker, shown
    by ``names``), the newest quotes when ``evidence`` is given (read only
    when there is something to show), and a link to all of them on the
    Evidence page."""
    if statements.empty:
        st.info(empty)
        return
    st.plotly_chart(charts.stance_mix_figure(rollups.stance_mix(statements, by=by), by=by, title=title,
                                             names=names), key=key)
    if evidence is not None:
        st.html(quotes.quotes_html(evidence()))
    st.page_link(EVIDENCE, label=link_label, icon=":material/format_quote:", query_params=link_params)
