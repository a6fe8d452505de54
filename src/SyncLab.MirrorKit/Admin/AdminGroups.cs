using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using SyncLab.MirrorKit.Hosting;

namespace SyncLab.MirrorKit.Admin;

/// <summary>Lets a mirror add its own admin endpoints under <c>/_synclab/{name}</c>, guarded like the shared ones.</summary>
public static class AdminGroups
{
    /// <summary>
    /// A route group at <c>/_synclab/{name}</c> with the admin API's guard: the admin token when one is set,
    /// else loopback callers only. (Same rule as <see cref="AdminApi.MapAdminApi"/>.)
    /// </summary>
    public static RouteGroupBuilder MapAdminGroup(this IEndpointRouteBuilder app, string name) =>
        app.MapGroup($"{AdminApi.Prefix}/{name}").AddEndpointFilter(RequireAdmin);

    /// <summary>The admin guard: the admin token when one is set, else loopback callers only.</summary>
    internal static async ValueTask<object?> RequireAdmin(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var token = http.RequestServices.GetService<MirrorHostOptions>()?.AdminToken;
        if (token is null)
        {
            var remote = http.Connection.RemoteIpAddress;
            if (remote is not null && !IPAddress.IsLoopback(remote))
            {
                return AdminApi.Problem("admin-forbidden", "Admin API is loopback-only", "Set an admin token to reach it from another host.", StatusCodes.Status403Forbidden);
            }
        }
        else if (http.Request.Headers.Authorization.ToString() != $"Bearer {token}")
        {
            return AdminApi.Problem("admin-unauthorized", "Admin token missing or wrong", "Send Authorization: Bearer <token>.", StatusCodes.Status401Unauthorized);
        }
        return await next(context);
    }
}
