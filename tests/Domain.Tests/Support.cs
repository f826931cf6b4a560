using Microsoft.Extensions.Time.Testing;
using TalkBot.Domain.Calendar;
using TalkBot.Domain.People;
using TalkBot.Domain.Talks;

namespace TalkBot.Domain.Tests;

/// <summary>The shipped calendar, loaded once from the build output as the bot loads it.</summary>
internal static class Calendars
{
    private static readonly Lazy<WorkingCalendar> LazyShipped = new(() => LoadWith());

    public static WorkingCalendar Shipped => LazyShipped.Value;

    public static TimeZoneInfo Shanghai { get; } = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    public static WorkingCalendar LoadWith(params (string Name, string Json)[] extra)
    {
        var path = Path.Combine(AppContext.BaseDirectory, WorkingCalendar.ShippedDataPath);
        using var shipped = File.OpenRead(path);
        var sources = new List<(string, Stream)> { ("calendar.cn.json", shipped) };
        var streams = extra.Select(e => (e.Name, (Stream)new MemoryStream(System.Text.Encoding.UTF8.GetBytes(e.Json)))).ToList();
        sources.AddRange(streams);
        try
        {
            return WorkingCalendar.Load(Shanghai, [.. sources]);
        }
        finally
        {
            streams.ForEach(s => s.Item2.Dispose());
        }
    }
}

/// <summary>Dates and instants in Shanghai time, to keep tests readable.</summary>
internal static class At
{
    public static DateOnly D(int year, int month, int day) => new(year, month, day);

    /// <summary>A Shanghai wall-clock time (UTC+8) as an instant.</summary>
    public static DateTimeOffset Shanghai(int year, int month, int day, int hour = 10, int minute = 0) =>
        new(year, month, day, hour, minute, 0, TimeSpan.FromHours(8));

    public static FakeTimeProvider Clock(DateTimeOffset now) => new(now);
}

internal sealed class PersonBuilder
{
    private static int _next;
    private readonly HashSet<Role> _roles = [];
    private string _id = $"p{Interlocked.Increment(ref _next)}";
    private string _name = "张三";
    private bool _active = true;
    private string _unit = "u1";

    public PersonBuilder Id(string id) { _id = id; return this; }
    public PersonBuilder In(string unit) { _unit = unit; return this; }
    public PersonBuilder Named(string name) { _name = name; return this; }
    public PersonBuilder With(params Role[] roles) { _roles.UnionWith(roles); return this; }
    public PersonBuilder Inactive() { _active = false; return this; }

    public Person Build() =>
        new(new PersonId(_id), _name, new UnitId(_unit), null, Rank.SectionAndBelow, _roles, null, _active);

    public static implicit operator Person(PersonBuilder builder) => builder.Build();
}

internal static class A
{
    public static PersonBuilder Person() => new();

    public static Person DisciplineOffice() => Person().Named("纪委办").With(Role.DisciplineOffice).Build();

    public static TalkDraftBuilder Draft() => new();
}

internal sealed class TalkDraftBuilder
{
    private TalkKind? _kind = TalkKind.Routine;
    private List<Person> _talkees = [A.Person().Named("李四").Build()];
    private List<Person> _talkers = [A.Person().Named("王书记").With(Role.UnitSecretary).Build()];
    private DateTimeOffset? _at = At.Shanghai(2026, 3, 11);
    private string? _place = "三楼会议室";
    private DateOnly? _content = At.D(2026, 3, 9);
    private Person? _recorder;

    public TalkDraftBuilder Kind(TalkKind? kind) { _kind = kind; return this; }
    public TalkDraftBuilder Talkees(params Person[] people) { _talkees = [.. people]; return this; }
    public TalkDraftBuilder Talkers(params Person[] people) { _talkers = [.. people]; return this; }
    public TalkDraftBuilder ScheduledAt(DateTimeOffset? at) { _at = at; return this; }
    public TalkDraftBuilder Place(string? place) { _place = place; return this; }
    public TalkDraftBuilder ContentOn(DateOnly? date) { _content = date; return this; }
    public TalkDraftBuilder RecordedBy(Person recorder) { _recorder = recorder; return this; }

    public TalkDraft Build() => new(_kind, _talkees, _talkers, _at, _place, _recorder, _content, "准备个人执行廉洁自律准则情况");

    public static implicit operator TalkDraft(TalkDraftBuilder builder) => builder.Build();
}
