namespace TalkBot.Bot.Features.TalkChanges;

/// <summary>
/// What the organiser (or the talkees' office) does with a talk once its notices are out: move it, cancel it, decide a
/// postponement (000 §四(五)1); and the attendance the recorder or a talker records after it.
/// </summary>
public static class TalkChangeFeature
{
    public static IServiceCollection AddTalkChanges(this IServiceCollection services)
    {
        services.AddSingleton<TalkChangeStore>();
        services.AddFollowUp<TalkChanged, TalkChangedNews>("TalkChanged.News");
        services.AddFollowUp<PostponementDeclined, PostponementDeclinedNews>("PostponementDeclined.News");
        services.AddFollowUp<AbsenceRecorded, AbsenceNews>("AbsenceRecorded.News");
        return services.AddHandler<RescheduleTalk>().AddHandler<CancelTalk>()
            .AddHandler<ApprovePostponement>().AddHandler<RefusePostponement>().AddHandler<ShowPostponement>()
            .AddHandler<ShowAttendance>().AddHandler<RecordAbsence>();
    }
}
