namespace TalkBot.Bot.Features.Talks;

/// <summary>Talks: the create-talk form, the talk with its notices in storage, and the eve-of-talk reminder.</summary>
public static class TalkFeature
{
    public static IServiceCollection AddTalks(this IServiceCollection services)
    {
        services.AddTable(TalkRows.Talks).AddTable(TalkRows.TalksByPerson).AddTable(TalkRows.NoticesByPerson);
        services.AddSingleton<TalkStore>();
        services.AddSingleton<TalkForm>();
        services.AddSingleton<TalkArranger>();
        services.AddSingleton<OrganiserView>();
        services.AddFollowUp<TalkScheduled, TalkEve>("TalkScheduled.Eve");
        services.AddFollowUp<TalkChanged, TalkEve>("TalkChanged.Eve");
        services.AddPeopleSearch(Datasets.Talkees, PersonScopes.Talkees).AddPeopleSearch(Datasets.Talkers, PersonScopes.Talkers)
            .AddPeopleSearch(Datasets.Recorders, PersonScopes.Recorders);
        return services.AddHandler<NewTalk>().AddHandler<CreateTalk>().AddHandler<TalkEve>();
    }
}
