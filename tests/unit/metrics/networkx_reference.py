"""NetworkX reference values for the structural metrics (tests/unit/metrics/reference.test.ts).

Reads a directed graph as JSON on stdin, {"nodes": [id, ...], "edges": [[key, from, to], ...]},
and prints, as JSON, what NetworkX computes for it, in the definitions of ANALYSIS.md:
node and edge betweenness (normalized=True), harmonic in/out-closeness divided by n-1, reach,
Burt's constraint on the undirected graph (NaN -> null), density, reciprocity, mean degree,
Freeman degree and betweenness centralisation, weak and strong component counts.
Exit status 2 (message on stderr) when networkx cannot be imported.
"""
import json
import sys

try:
    import networkx as nx
except ImportError as error:  # the test reports this as "NETWORKX SKIPPED" or a failure in CI
    print(f"networkx is not importable: {error}", file=sys.stderr)
    sys.exit(2)


def harmonic_direction():
    """'to': harmonic_centrality(G)[u] sums 1/d(v, u) (Boldi & Vigna, NetworkX's docs); 'from': 1/d(u, v).

    Probed on a -> b rather than assumed, so a NetworkX whose code and docs disagree is caught.
    """
    probe = nx.harmonic_centrality(nx.DiGraph([("a", "b")]))
    if probe == {"a": 0, "b": 1}:
        return "to"
    if probe == {"a": 1, "b": 0}:
        return "from"
    raise SystemExit(f"unexpected harmonic_centrality on a -> b: {probe}")


def main():
    data = json.load(sys.stdin)
    G = nx.DiGraph()
    G.add_nodes_from(data["nodes"])
    for key, source, target in data["edges"]:
        G.add_edge(source, target, key=key)
    n = G.number_of_nodes()
    U = G.to_undirected()  # a tie where either direction exists

    betweenness = nx.betweenness_centrality(G, normalized=True)
    edge_betweenness = {
        G.edges[u, v]["key"]: value
        for (u, v), value in nx.edge_betweenness_centrality(G, normalized=True).items()
    }

    # In-closeness sums 1/d(v, node) over v: distances TO the node. NetworkX's harmonic_centrality
    # does exactly that on G, so 'in' is G and 'out' (distances FROM the node) is G reversed.
    direction = harmonic_direction()
    to_node, from_node = (G, G.reverse(copy=True)) if direction == "to" else (G.reverse(copy=True), G)
    scale = 1 / (n - 1) if n > 1 else 0
    harmonic_in = {u: c * scale for u, c in nx.harmonic_centrality(to_node).items()}
    harmonic_out = {u: c * scale for u, c in nx.harmonic_centrality(from_node).items()}

    def reach(graph, u):
        if n < 2:
            return {"k1": 0, "k2": 0, "any": 0}
        d = nx.single_source_shortest_path_length(graph, u)
        return {
            "k1": sum(1 for v, k in d.items() if v != u and k <= 1) / (n - 1),
            "k2": sum(1 for v, k in d.items() if v != u and k <= 2) / (n - 1),
            "any": sum(1 for v in d if v != u) / (n - 1),
        }

    reverse = G.reverse(copy=True)
    reach_in = {u: reach(reverse, u) for u in G}
    reach_out = {u: reach(G, u) for u in G}

    constraint = {u: (None if c != c else c) for u, c in nx.constraint(U).items()}  # NaN -> null

    degrees = [d for _, d in U.degree()]
    degree_centralization = (
        sum(max(degrees) - d for d in degrees) / ((n - 1) * (n - 2)) if n >= 3 else 0
    )
    values = list(betweenness.values())
    betweenness_centralization = sum(max(values) - b for b in values) / (n - 1) if n >= 2 else 0

    json.dump(
        {
            "networkx": nx.__version__,
            "harmonicDirection": direction,
            "betweenness": betweenness,
            "edgeBetweenness": edge_betweenness,
            "harmonicIn": harmonic_in,
            "harmonicOut": harmonic_out,
            "reachIn": reach_in,
            "reachOut": reach_out,
            "constraint": constraint,
            "density": nx.density(G),
            "reciprocity": nx.overall_reciprocity(G) if G.number_of_edges() else 0,
            "meanDegree": G.number_of_edges() / n if n else 0,
            "degreeCentralization": degree_centralization,
            "betweennessCentralization": betweenness_centralization,
            "weakComponents": nx.number_weakly_connected_components(G),
            "strongComponents": nx.number_strongly_connected_components(G),
        },
        sys.stdout,
    )


if __name__ == "__main__":
    main()
