"""NetworkX reference for resilience (tests/unit/analysis/resilience.test.ts, ANALYSIS.md §6).

Reads {"cases": [{"edges": [{"from": id, "to": id}, ...], "sources": [id, ...], "target": id}, ...]} on stdin and
prints, per case, local_node_connectivity from a virtual source joined to every source to the target,
and the size of minimum_node_cut between them (null when the virtual source is joined to the target).
Exit status 2 (message on stderr) when networkx cannot be imported.
"""
import json
import sys

try:
    import networkx as nx
    from networkx.algorithms.connectivity import local_node_connectivity, minimum_node_cut
except ImportError as error:
    print(f"networkx is not importable: {error}", file=sys.stderr)
    sys.exit(2)

SOURCE = ("virtual source",)


def answer(case):
    G = nx.DiGraph()
    G.add_node(case["target"])
    for edge in case["edges"]:
        if edge["from"] != edge["to"]:
            G.add_edge(edge["from"], edge["to"])
    for s in case["sources"]:
        if s != case["target"]:
            G.add_edge(SOURCE, s)
    if SOURCE not in G:
        return {"connectivity": 0, "cutSize": None}
    connectivity = local_node_connectivity(G, SOURCE, case["target"])
    cut = None
    if connectivity > 0 and not G.has_edge(SOURCE, case["target"]):
        cut = len(minimum_node_cut(G, SOURCE, case["target"]))
    return {"connectivity": connectivity, "cutSize": cut}


def main():
    data = json.load(sys.stdin)
    json.dump({"networkx": nx.__version__, "answers": [answer(c) for c in data["cases"]]}, sys.stdout)


if __name__ == "__main__":
    main()
