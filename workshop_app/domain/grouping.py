"""Average-linkage grouping with a similarity threshold, for ``domain.suggest``.

Groups merge while the mean similarity between all their members is at least ``threshold``; a
note that is close to no group stays alone. The nearest-neighbour-chain algorithm finds the same
groups as the textbook agglomeration in O(n²) time (average linkage is reducible), so 2,000
notes take a fraction of a second. numpy is imported by the caller's first use, not at startup.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt


def average_linkage(similarity: npt.NDArray[np.float64], threshold: float) -> list[list[int]]:
    """Indices of ``similarity`` (square, symmetric) grouped by average linkage, cut where the
    mean similarity between two groups drops below ``threshold``. Singletons included."""
    import numpy as np

    n = similarity.shape[0]
    sim = np.array(similarity, dtype=np.float64, copy=True)
    np.fill_diagonal(sim, -np.inf)
    size = np.ones(n)
    members: dict[int, list[int]] = {i: [i] for i in range(n)}
    active = np.ones(n, dtype=bool)  # clusters that may still merge
    chain: list[int] = []
    done: list[list[int]] = []
    while True:
        if not chain:
            remaining = np.flatnonzero(active)
            if remaining.size == 0:
                break
            chain.append(int(remaining[0]))
        a = chain[-1]
        row = np.where(active, sim[a], -np.inf)
        row[a] = -np.inf
        b = int(np.argmax(row))
        best = row[b]
        if not np.isfinite(best) or best < threshold:
            # a's nearest cluster is too far, and merging others can only lower the average
            # towards a: a is final. Its neighbour on the chain is re-examined.
            active[a] = False
            done.append(members.pop(a))
            chain.pop()
            continue
        if len(chain) >= 2 and chain[-2] == b or (len(chain) >= 2 and row[chain[-2]] >= best):
            b = chain[-2]
            chain.pop()
            chain.pop()
            # merge b into a (Lance-Williams update for average linkage)
            merged = (size[a] * sim[a] + size[b] * sim[b]) / (size[a] + size[b])
            sim[a] = merged
            sim[:, a] = merged
            sim[a, a] = -np.inf
            sim[b] = -np.inf
            sim[:, b] = -np.inf
            size[a] += size[b]
            active[b] = False
            members[a].extend(members.pop(b))
        else:
            chain.append(b)
    return done
