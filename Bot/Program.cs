using TalkBot.Bot.Cases;
using TalkBot.Bot.Connector;
using TalkBot.Bot.Hosting;
using TalkBot.Bot.Plans;
using TalkBot.Bot.Roles;

var builder = WebApplication.CreateBuilder(args);
builder.Services
    .AddTalkBotTestClock(builder.Configuration, builder.Environment)
    .AddBotConnector(builder.Configuration)
    .AddTalkBotStorage(builder.Configuration)
    .AddTalkBotRules(builder.Configuration)
    .AddTalkBotDirectory(builder.Configuration)
    .AddTalkBotHandlers(builder.Configuration)
    .AddTalkBotScheduling(builder.Configuration)
    .AddTalkBotSending(builder.Configuration)
    .AddTalkBotPlans(builder.Configuration)
    .AddTalkBotRoles(builder.Configuration)
    .AddTalkBotCases(builder.Configuration);

var app = builder.Build();
app.MapGet("/healthz", () => Results.Ok("ok"));
app.MapBotMessages("/api/messages");
app.MapTalkBotTestClock();
app.MapArchiveExports();
app.Run();

/// <summary>Entry point, visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;
