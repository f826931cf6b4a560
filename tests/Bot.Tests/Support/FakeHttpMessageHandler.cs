using System.Net;
using System.Text;

namespace TalkBot.Bot.Tests.Support;

/// <summary>Answers requests from a table of routes and records every request it saw, with its body.</summary>
public sealed class FakeHttpMessageHandler : HttpMessageHandler
{
    private readonly List<(Func<HttpRequestMessage, bool> Match, Func<HttpRequestMessage, HttpResponseMessage> Respond)> routes = [];

    public List<RecordedRequest> Requests { get; } = [];

    public FakeHttpMessageHandler On(Func<HttpRequestMessage, bool> match, Func<HttpRequestMessage, HttpResponseMessage> respond)
    {
        routes.Add((match, respond));
        return this;
    }

    public FakeHttpMessageHandler OnGet(string url, string json) =>
        On(r => r.Method == HttpMethod.Get && r.RequestUri!.ToString() == url, _ => Json(HttpStatusCode.OK, json));

    public static HttpResponseMessage Json(HttpStatusCode status, string json) =>
        new(status) { Content = new StringContent(json, Encoding.UTF8, "application/json") };

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
        lock (Requests)
        {
            Requests.Add(new RecordedRequest(request.Method, request.RequestUri!, request.Headers.Authorization?.ToString(), body));
        }

        foreach (var (match, respond) in routes)
        {
            if (match(request))
            {
                return respond(request);
            }
        }

        return new HttpResponseMessage(HttpStatusCode.NotFound) { Content = new StringContent($"no route for {request.Method} {request.RequestUri}") };
    }
}

public sealed record RecordedRequest(HttpMethod Method, Uri Uri, string? Authorization, string? Body);
