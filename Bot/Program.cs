using TalkBot.Bot.Features.Admonishments;
using TalkBot.Bot.Features.Archive;
using TalkBot.Bot.Features.Calendar;
using TalkBot.Bot.Features.TalkChanges;
using TalkBot.Bot.Features.Directory;
using TalkBot.Bot.Features.Holidays;
using TalkBot.Bot.Features.Help;
using TalkBot.Bot.Features.Leads;
using TalkBot.Bot.Features.Notices;
using TalkBot.Bot.Features.Plans;
using TalkBot.Bot.Features.Quiz;
using TalkBot.Bot.Features.Reach;
using TalkBot.Bot.Features.Records;
using TalkBot.Bot.Features.Rectifications;
using TalkBot.Bot.Features.Roles;
using TalkBot.Bot.Features.Sends;
using TalkBot.Bot.Features.Statistics;
using TalkBot.Bot.Features.Tab;
using TalkBot.Bot.Features.Talks;
using TalkBot.Bot.Features.Tasks;
using TalkBot.Bot.Infrastructure.Connector;
using TalkBot.Bot.Infrastructure.Hosting;
using TalkBot.Bot.Infrastructure.Storage;

var builder = WebApplication.CreateBuilder(args);
builder.Services
    .AddTalkBotInfrastructure(builder.Configuration, builder.Environment)
    .AddDirectory(builder.Configuration)
    .AddReach(builder.Configuration)
    .AddRoles()
    .AddHandler<Help>()
    .AddTalks()
    .AddNotices()
    .AddTalkChanges()
    .AddCalendarEvents(builder.Configuration)
    .AddQuiz(builder.Configuration)
    .AddRecords()
    .AddRectifications()
    .AddTasks()
    .AddLeads()
    .AddAdmonishments(builder.Configuration)
    .AddArchive(builder.Configuration)
    .AddPlans(builder.Configuration)
    .AddHolidayData(builder.Configuration)
    .AddHandler<FailedSends>()
    .AddHandler<ResendFailed>()
    .AddStatistics(builder.Configuration)
    .AddTab(builder.Configuration, builder.Environment);

var app = builder.Build();
app.UseStorageCallCounting();
app.UseBackgroundLane();
app.MapTalkBotHealth();
app.MapBotMessages("/api/messages");
app.MapTalkBotTestClock();
app.MapArchiveExports();
app.MapStatistics();
app.MapTab();
app.Run();

/// <summary>Entry point, visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;
