using System.Collections.Concurrent;
using System.Net;
using ChainMatch.Domain.Access;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Serilog.Core;
using Serilog.Events;

namespace ChainMatch.Api.Tests;

/// <summary>Serilog's request events and per-namespace levels, seen through a sink the service picks up from its services.</summary>
public class RequestLoggingTests
{
    const string StatusMap = "/api/chains/aluminium/status/530100";

    [Test]
    public async Task ARequestIsOneEventWithItsRouteStatusTimingAndCaller()
    {
        var log = new CapturedLog();
        using var app = Start(log);
        using var client = app.ClientAs(Role.Planner, "530100");
        var keyId = client.DefaultRequestHeaders.Authorization!.Parameter!.Split('_')[1];

        var response = await client.GetAsync(StatusMap + "?asOf=2024");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));

        var events = await log.RequestsTo(StatusMap);
        Assert.That(events, Has.Count.EqualTo(1));
        var line = events[0];
        Assert.That(line.Level, Is.EqualTo(LogEventLevel.Information));
        Assert.That(Scalars(line, "RequestMethod", "QueryString", "RoutePattern", "StatusCode", "CallerId", "CallerRole", "CallerRegion"),
            Is.EqualTo(new object?[] { "GET", "?asOf=2024", "/api/chains/{chainId}/status/{regionCode}", 200, $"key:{keyId}", Role.Planner.Name, "530100" }));
        Assert.That(Scalars(line, "Elapsed")[0], Is.TypeOf<double>().And.GreaterThan(0));
    }

    [Test]
    public async Task ARefusedAnonymousRequestIsLoggedWithItsCallerToo()
    {
        var log = new CapturedLog();
        using var app = Start(log);
        using var client = app.ClientAs(null);

        var response = await client.GetAsync(StatusMap);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));

        var events = await log.RequestsTo(StatusMap);
        Assert.That(Scalars(events.Single(), "StatusCode", "CallerId", "CallerRole"), Is.EqualTo(new object?[] { 401, "anonymous", null }));
    }

    [Test]
    public void ANamespacesLevelComesFromConfiguration()
    {
        using var app = Start(new CapturedLog(), new() { ["Serilog:MinimumLevel:Override:ChainMatch.Storage"] = "Error" });
        var loggers = app.Services.GetRequiredService<ILoggerFactory>();

        Assert.That(loggers.CreateLogger("ChainMatch.Storage.Neo4j.Neo4jGraphStore").IsEnabled(LogLevel.Warning), Is.False);
        Assert.That(loggers.CreateLogger("ChainMatch.Api.Access.FirstAdminKey").IsEnabled(LogLevel.Warning), Is.True);
        // appsettings.json's own override keeps ASP.NET Core's per-request chatter out.
        Assert.That(loggers.CreateLogger("Microsoft.AspNetCore.Routing.EndpointMiddleware").IsEnabled(LogLevel.Information), Is.False);
    }

    [Test]
    public async Task WithTheDefaultLevelAtWarningAsMakeLoadSetsItRequestsAreNotLogged()
    {
        var log = new CapturedLog();
        using (var app = Start(log, new() { ["Serilog:MinimumLevel:Default"] = "Warning" }))
        {
            using var client = app.CreateClient();
            Assert.That((await client.GetAsync(StatusMap)).StatusCode, Is.EqualTo(HttpStatusCode.OK));
            var requestLog = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Serilog.AspNetCore.RequestLoggingMiddleware");
            Assert.That(requestLog.IsEnabled(LogLevel.Information), Is.False);
        }
        Assert.That(log.Events.Where(e => e.Properties.ContainsKey("RequestPath")), Is.Empty);
    }

    static ChainMatchApp Start(CapturedLog log, Dictionary<string, string?>? settings = null) =>
        new(SeedFolder.Fixture("mini-seeds"), settings: settings, services: s => s.AddSingleton<ILogEventSink>(log));

    static object?[] Scalars(LogEvent e, params string[] names) =>
        [.. names.Select(n => e.Properties.TryGetValue(n, out var v) ? ((ScalarValue)v).Value : "(absent)")];

    /// <summary>Every event the service writes, kept in memory.</summary>
    sealed class CapturedLog : ILogEventSink
    {
        readonly ConcurrentQueue<LogEvent> _events = new();

        public IReadOnlyList<LogEvent> Events => [.. _events];

        public void Emit(LogEvent logEvent) => _events.Enqueue(logEvent);

        /// <summary>
        /// The request events for this path. The test client may hold the answer before the middleware logs it,
        /// so wait (a bounded while) for the first to arrive.
        /// </summary>
        public async Task<IReadOnlyList<LogEvent>> RequestsTo(string path)
        {
            IReadOnlyList<LogEvent> Matching() => [.. _events.Where(e => Scalars(e, "RequestPath")[0] as string == path)];
            for (var i = 0; i < 200 && Matching().Count == 0; i++) await Task.Delay(50);
            return Matching();
        }
    }
}
