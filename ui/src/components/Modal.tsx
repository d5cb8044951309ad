import { useEffect, useRef } from "preact/hooks";
import { useStore } from "../context";

export function Modal() {
  const store = useStore();
  const modal = store.state.modal;
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!modal || !box.current) return;
    const primary = box.current.querySelector<HTMLButtonElement>("button.primary") ?? box.current.querySelector("button");
    primary?.focus();
  }, [modal]);
  if (!modal) return null;
  const cancel = modal.buttons.find((b) => b.label === "Cancel") ?? (modal.buttons.length === 1 ? modal.buttons[0] : null);
  return (
    <div class="scrim">
      <div
        class="modal"
        role="dialog"
        aria-modal="true"
        aria-labelledby="modal-title"
        aria-describedby="modal-body"
        ref={box}
        onKeyDown={(e) => {
          if (e.key === "Escape" && cancel) {
            e.preventDefault();
            void cancel.action();
          }
          if (e.key === "Tab" && box.current) {
            const items = Array.from(box.current.querySelectorAll<HTMLElement>("button"));
            const i = items.indexOf(document.activeElement as HTMLElement);
            const next = e.shiftKey ? (i <= 0 ? items.length - 1 : i - 1) : (i + 1) % items.length;
            e.preventDefault();
            items[next]?.focus();
          }
        }}
      >
        <h2 id="modal-title">{modal.title}</h2>
        <p id="modal-body">{modal.body}</p>
        <div class="modal-buttons">
          {modal.buttons.map((b) => (
            <button type="button" key={b.label} class={b.kind ?? "plain"} onClick={() => void b.action()}>
              {b.label}
            </button>
          ))}
        </div>
      </div>
    </div>
  );
}
