-- POST of one fixed JSON body (BENCH_PATH, BENCH_BODY): the sharing decision scenario.
wrk.method = "POST"
wrk.path = os.getenv("BENCH_PATH")
wrk.body = os.getenv("BENCH_BODY")
wrk.headers["Content-Type"] = "application/json"
