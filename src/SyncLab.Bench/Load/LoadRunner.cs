using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace SyncLab.Bench.Load;

/// <summary>
/// The load generator every case shares, so a ratio between two cases compares the servers and nothing
/// else: one <see cref="HttpClient"/> with a connection per worker, <see cref="LoadOptions.Workers"/>
/// closed-loop workers (each sends its next request when the last one is read to the end), a warm-up that
/// is thrown away, then a fixed measured interval.
/// </summary>
public sealed class LoadRunner : IDisposable
{
    private readonly HttpClient _http;
    private readonly LoadOptions _options;

    public LoadRunner(LoadOptions options)
    {
        _options = options;
        _http = new HttpClient(new SocketsHttpHandler
        {
            // One connection per worker: no worker ever waits for a connection another one holds.
            MaxConnectionsPerServer = options.Workers,
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
            UseCookies = false,
            UseProxy = false,
            AllowAutoRedirect = false,
            AutomaticDecompression = System.Net.DecompressionMethods.None,
        })
        {
            Timeout = options.RequestTimeout,
        };
    }

    public LoadOptions Options => _options;

    public async Task<LoadResult> RunAsync(BenchCase benchCase, CancellationToken ct = default)
    {
        var workers = Enumerable.Range(0, _options.Workers).Select(i => new Worker(i, new Random(_options.Seed + i))).ToArray();
        if (_options.WarmUp > TimeSpan.Zero)
        {
            await PhaseAsync(benchCase, workers, _options.WarmUp, record: false, ct);
        }
        foreach (var worker in workers)
        {
            worker.Reset();
        }
        var started = Stopwatch.GetTimestamp();
        await PhaseAsync(benchCase, workers, _options.Duration, record: true, ct);
        var elapsed = Stopwatch.GetElapsedTime(started);

        var latencies = new long[workers.Sum(w => w.Latencies.Count)];
        var at = 0;
        foreach (var worker in workers)
        {
            worker.Latencies.CopyTo(latencies, at);
            at += worker.Latencies.Count;
        }
        Array.Sort(latencies);
        return new LoadResult(
            benchCase,
            latencies,
            workers.Sum(w => w.Errors),
            elapsed,
            workers.Sum(w => w.ResponseBytes),
            workers.Select(w => w.FirstError).FirstOrDefault(e => e is not null));
    }

    private Task PhaseAsync(BenchCase benchCase, Worker[] workers, TimeSpan length, bool record, CancellationToken ct)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(length.TotalSeconds * Stopwatch.Frequency);
        return Task.WhenAll(workers.Select(w => Task.Run(() => LoopAsync(benchCase, w, deadline, record, ct), ct)));
    }

    /// <summary>
    /// Sends until the deadline, and at least once: a worker the thread pool starts late (a loaded machine, a short
    /// phase) still measures something rather than nothing.
    /// </summary>
    private async Task LoopAsync(BenchCase benchCase, Worker worker, long deadline, bool record, CancellationToken ct)
    {
        do
        {
            ct.ThrowIfCancellationRequested();
            var request = benchCase.Next(new RequestContext(worker.Index, worker.Sequence++, worker.Random));
            var sent = Stopwatch.GetTimestamp();
            int status;
            int length;
            try
            {
                using (request.Message)
                {
                    using var response = await _http.SendAsync(request.Message, HttpCompletionOption.ResponseHeadersRead, ct);
                    status = (int)response.StatusCode;
                    length = await worker.ReadBodyAsync(response, ct);
                }
            }
            catch (Exception e) when (e is HttpRequestException or IOException || (e is OperationCanceledException && !ct.IsCancellationRequested))
            {
                // A refused connection or a timeout is an error of the case, not of the run.
                if (record)
                {
                    worker.Fail($"{e.GetType().Name}: {e.Message}");
                }
                continue;
            }
            var latency = Stopwatch.GetTimestamp() - sent;
            if (!record)
            {
                continue;
            }
            var body = worker.Body(length);
            if (IsSuccess(benchCase, request, status, body))
            {
                worker.Latencies.Add(latency);
                worker.ResponseBytes += length;
            }
            else
            {
                worker.Fail(string.Create(CultureInfo.InvariantCulture, $"HTTP {status}: {Excerpt(body)}"));
            }
        }
        while (Stopwatch.GetTimestamp() < deadline);
    }

    /// <summary>Drives the case for <paramref name="length"/> and keeps nothing: warms the process (JIT tiers, pools) before anything is measured.</summary>
    public Task WarmUpAsync(BenchCase benchCase, TimeSpan length, CancellationToken ct = default)
    {
        var workers = Enumerable.Range(0, _options.Workers).Select(i => new Worker(i, new Random(_options.Seed + i))).ToArray();
        return PhaseAsync(benchCase, workers, length, record: false, ct);
    }

    /// <summary>Sends one request of the case and says why it failed, or null: a broken case is reported, not measured.</summary>
    public async Task<string?> ProbeAsync(BenchCase benchCase, CancellationToken ct = default)
    {
        var worker = new Worker(-1, new Random(_options.Seed - 1));
        var request = benchCase.Next(new RequestContext(worker.Index, 0, worker.Random));
        try
        {
            using (request.Message)
            {
                using var response = await _http.SendAsync(request.Message, HttpCompletionOption.ResponseHeadersRead, ct);
                var status = (int)response.StatusCode;
                var body = worker.Body(await worker.ReadBodyAsync(response, ct));
                return IsSuccess(benchCase, request, status, body) ? null : string.Create(CultureInfo.InvariantCulture, $"HTTP {status}: {Excerpt(body)}");
            }
        }
        catch (Exception e) when (e is HttpRequestException or IOException || (e is OperationCanceledException && !ct.IsCancellationRequested))
        {
            return $"{e.GetType().Name}: {e.Message}";
        }
    }

    internal static bool IsSuccess(BenchCase benchCase, BenchRequest request, int status, ReadOnlySpan<byte> body)
    {
        if (status is < 200 or > 299)
        {
            return false;
        }
        if (request.MustContain is { } expected && body.IndexOf(expected) < 0)
        {
            return false;
        }
        if (benchCase.MustNotContain is { } forbidden)
        {
            foreach (var bytes in forbidden)
            {
                if (body.IndexOf(bytes) >= 0)
                {
                    return false;
                }
            }
        }
        return true;
    }

    private static string Excerpt(ReadOnlySpan<byte> body)
    {
        var text = Encoding.UTF8.GetString(body[..Math.Min(body.Length, 300)]);
        return string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries));
    }

    public void Dispose() => _http.Dispose();

    private sealed class Worker(int index, Random random)
    {
        private byte[] _buffer = new byte[16 * 1024];

        public int Index { get; } = index;

        public Random Random { get; } = random;

        public long Sequence { get; set; }

        public List<long> Latencies { get; } = new(capacity: 4096);

        public long Errors { get; private set; }

        public long ResponseBytes { get; set; }

        public string? FirstError { get; private set; }

        public void Reset()
        {
            Latencies.Clear();
            Errors = 0;
            ResponseBytes = 0;
            FirstError = null;
        }

        public void Fail(string why)
        {
            Errors++;
            FirstError ??= why;
        }

        public ReadOnlySpan<byte> Body(int length) => _buffer.AsSpan(0, length);

        /// <summary>Reads the whole body into the worker's own buffer: the client allocates the same for every case.</summary>
        public async Task<int> ReadBodyAsync(HttpResponseMessage response, CancellationToken ct)
        {
            await using var stream = await response.Content.ReadAsStreamAsync(ct);
            var total = 0;
            while (true)
            {
                if (total == _buffer.Length)
                {
                    Array.Resize(ref _buffer, _buffer.Length * 2);
                }
                var read = await stream.ReadAsync(_buffer.AsMemory(total), ct);
                if (read == 0)
                {
                    return total;
                }
                total += read;
            }
        }
    }
}
