using System.Diagnostics;
using TalkBot.Bot.Infrastructure.Hosting;

namespace TalkBot.Bot.Infrastructure.Connector;

/// <summary>Counts every Connector call by method and status, and the 429s apart (TalkBotTelemetry).</summary>
internal sealed class ConnectorMetricsHandler : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        var status = (int)response.StatusCode;
        TalkBotTelemetry.ConnectorCalls.Add(1, new TagList { { "http.request.method", request.Method.Method }, { "http.response.status_code", status } });
        if (status == 429)
        {
            TalkBotTelemetry.Throttled.Add(1);
        }

        return response;
    }
}
