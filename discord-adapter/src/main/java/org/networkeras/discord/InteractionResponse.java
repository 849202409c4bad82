package org.networkeras.discord;

import java.util.Objects;
import java.util.function.Consumer;
import net.dv8tion.jda.api.interactions.callbacks.IMessageEditCallback;
import net.dv8tion.jda.api.interactions.callbacks.IModalCallback;
import net.dv8tion.jda.api.interactions.callbacks.IReplyCallback;
import org.networkeras.chat.Reply;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers one interaction exactly once, whether core answered within Discord's three-second window
 * or the interaction had to be deferred first. {@link #deferIfPending()} and {@link #answer(Reply)}
 * may race (a timer against core's thread); they are serialized. Thread-safe.
 */
abstract class InteractionResponse {

  private static final Logger LOG = LoggerFactory.getLogger(InteractionResponse.class);

  private enum State {
    PENDING,
    DEFERRED,
    ANSWERED
  }

  protected final DiscordReplyRenderer renderer;
  private State state = State.PENDING;

  InteractionResponse(DiscordReplyRenderer renderer) {
    this.renderer = Objects.requireNonNull(renderer, "renderer");
  }

  /**
   * The response to a slash command or a modal submission: a new message (ephemeral when private),
   * or a modal when the reply carries a form and the interaction can show one ({@code modals} not
   * {@code null}).
   */
  static InteractionResponse toCommand(
      IReplyCallback callback, IModalCallback modals, DiscordReplyRenderer renderer) {
    return new CommandResponse(callback, modals, renderer);
  }

  /**
   * The response to a button or a select menu: a public reply replaces the message the component
   * belongs to (an updated card), a private reply is a new ephemeral message, a form opens a modal.
   */
  static <T extends IReplyCallback & IMessageEditCallback & IModalCallback>
      InteractionResponse toComponent(T callback, DiscordReplyRenderer renderer) {
    return new ComponentResponse(callback, renderer);
  }

  /** Acknowledges the interaction now if it has not been answered yet. */
  final synchronized void deferIfPending() {
    if (state == State.PENDING) {
      defer();
      state = State.DEFERRED;
    }
  }

  /** Shows core's reply; a second call does nothing. */
  final synchronized void answer(Reply reply) {
    switch (state) {
      case PENDING -> answerNow(reply);
      case DEFERRED -> answerDeferred(reply);
      case ANSWERED -> {
        return;
      }
    }
    state = State.ANSWERED;
  }

  protected abstract void defer();

  protected abstract void answerNow(Reply reply);

  protected abstract void answerDeferred(Reply reply);

  protected static Consumer<Throwable> logFailure(String what) {
    return failure -> LOG.warn("Discord refused to {}: {}", what, failure.toString());
  }

  private static final class CommandResponse extends InteractionResponse {
    private final IReplyCallback callback;
    private final IModalCallback modals;

    CommandResponse(IReplyCallback callback, IModalCallback modals, DiscordReplyRenderer renderer) {
      super(renderer);
      this.callback = callback;
      this.modals = modals;
    }

    @Override
    protected void defer() {
      callback.deferReply().queue(null, logFailure("defer a reply"));
    }

    @Override
    protected void answerNow(Reply reply) {
      if (reply.form().isPresent() && modals != null) {
        modals
            .replyModal(DiscordReplyRenderer.modal(reply.form().get()))
            .queue(null, logFailure("open a modal"));
        return;
      }
      callback
          .reply(renderer.message(reply))
          .setEphemeral(reply.visibility().personal())
          .queue(null, logFailure("reply"));
    }

    @Override
    protected void answerDeferred(Reply reply) {
      // A modal cannot follow a deferral: the reply's own text stands in for it.
      if (reply.visibility().personal()) {
        // The deferral was public: remove it and answer privately with a follow-up.
        callback.getHook().deleteOriginal().queue(null, logFailure("delete a deferral"));
        callback
            .getHook()
            .sendMessage(renderer.message(reply))
            .setEphemeral(true)
            .queue(null, logFailure("send a follow-up"));
      } else {
        callback
            .getHook()
            .editOriginal(renderer.edit(reply))
            .queue(null, logFailure("edit a deferred reply"));
      }
    }
  }

  private static final class ComponentResponse extends InteractionResponse {
    private final IReplyCallback replies;
    private final IMessageEditCallback edits;
    private final IModalCallback modals;

    <T extends IReplyCallback & IMessageEditCallback & IModalCallback> ComponentResponse(
        T callback, DiscordReplyRenderer renderer) {
      super(renderer);
      this.replies = callback;
      this.edits = callback;
      this.modals = callback;
    }

    @Override
    protected void defer() {
      edits.deferEdit().queue(null, logFailure("defer an edit"));
    }

    @Override
    protected void answerNow(Reply reply) {
      if (reply.form().isPresent()) {
        modals
            .replyModal(DiscordReplyRenderer.modal(reply.form().get()))
            .queue(null, logFailure("open a modal"));
      } else if (reply.visibility().personal()) {
        replies.reply(renderer.message(reply)).setEphemeral(true).queue(null, logFailure("reply"));
      } else {
        edits.editMessage(renderer.edit(reply)).queue(null, logFailure("edit a message"));
      }
    }

    @Override
    protected void answerDeferred(Reply reply) {
      if (reply.visibility().personal()) {
        replies
            .getHook()
            .sendMessage(renderer.message(reply))
            .setEphemeral(true)
            .queue(null, logFailure("send a follow-up"));
      } else {
        replies
            .getHook()
            .editOriginal(renderer.edit(reply))
            .queue(null, logFailure("edit a message"));
      }
    }
  }
}
