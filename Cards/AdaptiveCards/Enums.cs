namespace TalkBot.Cards.AdaptiveCards;

// Each enum's first member is the schema default, so default-omitting serialisation leaves it out.
// Names serialise as the schema's camelCase strings ("extraLarge", "attention", …).

public enum AdaptiveTextSize { Default, Small, Medium, Large, ExtraLarge }

public enum AdaptiveTextWeight { Default, Lighter, Bolder }

public enum AdaptiveTextColor { Default, Dark, Light, Accent, Good, Warning, Attention }

public enum AdaptiveTextBlockStyle { Default, Heading }

public enum AdaptiveHorizontalAlignment { Left, Center, Right }

public enum AdaptiveVerticalContentAlignment { Top, Center, Bottom }

public enum AdaptiveSpacing { Default, None, Small, Medium, Large, ExtraLarge, Padding }

public enum AdaptiveContainerStyle { Default, Emphasis, Good, Attention, Warning, Accent }

public enum AdaptiveImageSize { Auto, Stretch, Small, Medium, Large }

public enum AdaptiveImageStyle { Default, Person }

public enum AdaptiveChoiceInputStyle { Compact, Expanded, Filtered }

public enum AdaptiveTextInputStyle { Text, Tel, Url, Email, Password }

public enum AdaptiveActionStyle { Default, Positive, Destructive }

public enum AdaptiveAssociatedInputs { Auto, None }
