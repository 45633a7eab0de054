"""The issue's budgets, judged on one run's figures (ratios of the same run, never absolute
times), and the table `make bench` prints."""

READER_PAGES = (
    "home",
    "story_index",
    "story",
    "campaign_index",
    "campaign",
    "vacancy_index",
    "vacancy",
    "story_form",
)


def _budget(met, measured, target):
    return {"met": bool(met), "measured": measured, "target": target}


def evaluate(result):
    runs = result["throughput"]
    constant = runs["floor_constant_wsgi"]["requests_per_second"]
    static = runs["floor_nginx_static"]["requests_per_second"]
    uncached = runs["campaign"]["requests_per_second"]
    cached = runs["campaign_edge_cache"]["requests_per_second"]
    queries = {kind: q["queries"] for kind, q in result["queries"].items()}
    listing = result["moderation_listing"]
    budgets = {
        "queries_per_reader_page": _budget(
            max(queries.values()) <= 10, queries, "<= 10 on every reader page"
        ),
        "uncached_campaign_vs_constant_wsgi": _budget(
            uncached / constant >= 0.02, f"{uncached / constant:.2%}", ">= 2%"
        ),
        "edge_cached_campaign_vs_nginx_static": _budget(
            cached / static >= 0.80, f"{cached / static:.1%}", ">= 80%"
        ),
        "moderation_listing_render": _budget(
            listing["median_seconds"] < 0.5,
            f"{listing['median_seconds'] * 1000:.0f} ms median, {listing['queries']} queries, "
            f"{listing['waiting']} waiting",
            "< 500 ms",
        ),
    }
    errors = {kind: run["errors"] for kind, run in runs.items() if run["errors"]}
    budgets["no_errors_under_load"] = _budget(not errors, errors or "none", "no errors")
    first = result.get("burst_500")
    if first:
        receipts = first["outcomes"].get("receipt", 0)
        in_review = first["after_ingest"].get("in_review", 0)
        budgets["burst_500_receipts"] = _budget(
            receipts == first["submissions"] and len(first["outcomes"]) == 1,
            first["outcomes"],
            "500 receipts, nothing else",
        )
        budgets["burst_p99"] = _budget(first["p99_ms"] < 300, f"{first['p99_ms']} ms", "< 300 ms")
        budgets["burst_ingested"] = _budget(
            in_review == receipts, first["after_ingest"], "every receipt in moderation"
        )
    second = result.get("burst_with_restart")
    if second:
        outcomes = second["outcomes"]
        unclear = {
            k: v for k, v in outcomes.items() if k not in ("receipt", "clear error page (503)")
        }
        receipted = outcomes.get("receipt", 0)
        budgets["restart_receipts_all_ingested"] = _budget(
            second["after_ingest"].get("in_review", 0) == receipted,
            second["after_ingest"],
            f"all {receipted} receipted stories in moderation",
        )
        budgets["restart_others_get_clear_page"] = _budget(
            not unclear, outcomes, "receipt or the 503 page, never a 500"
        )
    return budgets


def print_table(result):
    runs = result["throughput"]
    print(f"\n{'page':<26}{'req/s':>10}{'p50 ms':>10}{'p99 ms':>10}{'queries':>9}{'errors':>8}")
    for kind, run in runs.items():
        queries = result["queries"].get(kind.replace("_edge_cache", ""), {}).get("queries", "")
        if kind.startswith("floor") or kind.endswith("edge_cache"):
            queries = "" if kind.startswith("floor") else 0
        print(
            f"{kind:<26}{run['requests_per_second']:>10.1f}{run['p50_ms']:>10.2f}"
            f"{run['p99_ms']:>10.2f}{queries!s:>9}{run['errors']:>8}"
        )
    for name in ("burst_500", "burst_at_once", "burst_with_restart"):
        burst = result.get(name)
        if burst:
            print(
                f"\n{name}: {burst['submissions']} POSTs over {burst['spread_seconds']} s, "
                f"wall {burst['wall_seconds']} s, "
                f"p50 {burst['p50_ms']} ms, p99 {burst['p99_ms']} ms"
                f"\n  outcomes {burst['outcomes']}\n  after ingest {burst['after_ingest']}"
                f" (ingest took {burst['ingest_seconds']} s)"
            )
    print("\nBudgets:")
    for name, budget in result["budgets"].items():
        mark = "ok  " if budget["met"] else "MISS"
        print(f"  {mark} {name}: {budget['measured']} (target {budget['target']})")
