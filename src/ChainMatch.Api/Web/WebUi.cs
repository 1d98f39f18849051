using Microsoft.AspNetCore.Rewrite;
using Microsoft.Net.Http.Headers;

namespace ChainMatch.Api.Web;

/// <summary>The web UI: static pages from wwwroot at /, no separate front-end server and no build step.</summary>
public static class WebUi
{
    public static WebApplication UseChainMatchWebUi(this WebApplication app)
    {
        // Pages by their plain names: /dashboard is dashboard.html.
        app.UseRewriter(new RewriteOptions().AddRewrite("^dashboard$", "dashboard.html", skipRemainingRules: true));
        app.UseDefaultFiles();
        app.UseStaticFiles(new StaticFileOptions
        {
            // Revalidate every time (ETag answers 304): a redeployed page never runs with stale modules.
            OnPrepareResponse = ctx => ctx.Context.Response.Headers[HeaderNames.CacheControl] = "no-cache",
        });
        return app;
    }
}
