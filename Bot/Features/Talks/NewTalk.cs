namespace TalkBot.Bot.Features.Talks;

/// <summary>新建谈话 / new talk, and the welcome card's button (talk.new): the create-talk form.</summary>
public sealed class NewTalk(TalkForm form) : ICommand, ICardAction
{
    public IReadOnlyList<string> Names { get; } = ["新建谈话", "new talk"];

    public string Verb => Verbs.TalkNew;

    public Task<AdaptiveCard> ExecuteAsync(CommandRequest request, CancellationToken cancellationToken) =>
        form.BuildAsync(request.Actor, request.Locale, formId: null, previous: null, errors: null, cancellationToken);

    public Task<AdaptiveCard> ExecuteAsync(CardActionRequest request, CancellationToken cancellationToken) =>
        form.BuildAsync(request.Actor, request.Locale, formId: null, previous: null, errors: null, cancellationToken);
}
