"""The prefill rules of one checklist item, as written in the checklist data file.

(Owned by the heuristics work: extend this model; the checklist schema embeds it as ``rules``.)
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict


class ItemRules(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
