using Microsoft.Extensions.Logging;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using Polly.Timeout;

namespace ChainMatch.Storage.Neo4j;

/// <summary>
/// Two Polly pipelines sharing one view of the server. Every HTTP request passes the circuit breaker and a timeout;
/// retries wrap a whole unit of work instead, because a Neo4j transaction is closed by its first error and must be
/// replayed from its begin, never resumed. Every retry, timeout and breaker change is logged and reported to
/// <see cref="StoreAvailability"/>.
/// </summary>
sealed class Neo4jResilience
{
    readonly ResiliencePipeline _unit;
    readonly ResiliencePipeline _request;
    readonly StoreAvailability _availability;
    readonly string _server;

    public Neo4jResilience(Neo4jResilienceSettings settings, StoreAvailability availability, ILogger log, string server, TimeProvider time)
    {
        _availability = availability;
        _server = server;
        Settings = settings;
        Log = log;
        Time = time;
        var transient = new PredicateBuilder().Handle<Exception>(Neo4jFailures.IsTransient);

        _unit = new ResiliencePipelineBuilder { TimeProvider = time }
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = transient,
                MaxRetryAttempts = settings.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = settings.RetryDelay,
                MaxDelay = settings.MaxRetryDelay,
                OnRetry = args =>
                {
                    log.LogWarning("Neo4j '{Operation}' failed on attempt {Attempt}: {Reason}; retrying in {DelayMs:0} ms",
                        args.Context.OperationKey, args.AttemptNumber + 1, Neo4jFailures.Describe(args.Outcome.Exception), args.RetryDelay.TotalMilliseconds);
                    return default;
                },
            })
            .Build();

        _request = new ResiliencePipelineBuilder { TimeProvider = time }
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions
            {
                ShouldHandle = transient,
                FailureRatio = 0.5,
                MinimumThroughput = settings.BreakerMinimumThroughput,
                SamplingDuration = settings.BreakerSamplingDuration,
                BreakDuration = settings.BreakDuration,
                OnOpened = args =>
                {
                    var reason = $"Neo4j at {server} is unavailable: circuit opened for {args.BreakDuration.TotalSeconds:0.#} s after {Neo4jFailures.Describe(args.Outcome.Exception)}";
                    log.LogError("{Reason}", reason);
                    availability.ReportUnavailable(reason);
                    return default;
                },
                OnHalfOpened = args =>
                {
                    log.LogInformation("Neo4j circuit half-open: the next request to {Server} tests it", server);
                    return default;
                },
                OnClosed = args =>
                {
                    log.LogInformation("Neo4j circuit closed: {Server} answers again", server);
                    availability.ReportAvailable();
                    return default;
                },
            })
            .AddTimeout(new TimeoutStrategyOptions
            {
                Timeout = settings.AttemptTimeout,
                OnTimeout = args =>
                {
                    log.LogWarning("Neo4j '{Operation}' got no answer within {TimeoutMs:0} ms", args.Context.OperationKey, args.Timeout.TotalMilliseconds);
                    return default;
                },
            })
            .Build();
    }

    public Neo4jResilienceSettings Settings { get; }
    public ILogger Log { get; }
    public TimeProvider Time { get; }

    /// <summary>A unit of work (one auto-commit statement, or a transaction from begin to commit), retried whole on transient failures.</summary>
    public async Task<T> RunUnitAsync<T>(string operation, Func<CancellationToken, Task<T>> work, CancellationToken ct)
    {
        var context = ResilienceContextPool.Shared.Get(operation, ct);
        try
        {
            var result = await _unit.ExecuteAsync(static async (ctx, work) => await work(ctx.CancellationToken), context, work);
            _availability.ReportAvailable();
            return result;
        }
        catch (Exception e) when (Neo4jFailures.IsTransient(e) || e is BrokenCircuitException)
        {
            var reason = $"Neo4j at {_server} is unavailable: '{operation}' failed: {Neo4jFailures.Describe(e)}";
            _availability.ReportUnavailable(reason);
            throw new StoreUnavailableException(reason, e);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    /// <summary>One HTTP request, seen by the breaker and cut off by the timeout.</summary>
    public async Task<T> SendAsync<T>(string operation, Func<CancellationToken, Task<T>> send, CancellationToken ct)
    {
        var context = ResilienceContextPool.Shared.Get(operation, ct);
        try
        {
            return await _request.ExecuteAsync(static async (ctx, send) => await send(ctx.CancellationToken), context, send);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }
}
