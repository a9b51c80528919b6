import type { InspectorMessages } from '../../messages/inspector-messages.js';
import { formatChars } from './formatting.js';
import { MAX_INPUT_BYTES, readUrl, type InputReading } from './input-reading.js';

/** What the input's event handlers need of the element. */
export interface InputHost {
  /** The element's shadow root, where the fields are. */
  root(): ParentNode;
  /** The element's strings, merged with English. */
  messages(): InspectorMessages;
  lang(): string | undefined;
  /** Whether an inspection is running (one just started, unless it was refused). */
  checking(): boolean;
  inspect(input: Blob | string | URL): Promise<unknown>;
  /** Starts checking what was read, or shows why it was refused. */
  begin(reading: InputReading): Promise<unknown>;
  /** Says something on the status line (not an error). */
  say(text: string): void;
  /** Whether something is being dragged over the drop zone. */
  setOver(over: boolean): void;
}

/** The listeners of the input section: the file field, the paste and address forms, and the drop zone. */
export interface InputHandlers {
  readonly onFile: (event: Event) => void;
  readonly onPasteSubmit: (event: SubmitEvent) => void;
  readonly onPaste: (event: ClipboardEvent) => void;
  readonly onUrlSubmit: (event: SubmitEvent) => void;
  readonly onDragOver: (event: DragEvent) => void;
  readonly onDragLeave: (event: DragEvent) => void;
  readonly onDrop: (event: DragEvent) => void;
}

export function inputHandlers(host: InputHost): InputHandlers {
  const refuse = (message: string): void => void host.begin({ refused: message });
  return {
    onFile(event) {
      const input = event.target as HTMLInputElement;
      const file = input.files?.[0];
      if (file) void host.inspect(file);
    },

    onPasteSubmit(event) {
      event.preventDefault();
      const field = host.root().querySelector<HTMLTextAreaElement>('#paste');
      void host.inspect(field?.value ?? '');
    },

    /** Refuses a paste that would make the text longer than a badge can be, before the browser draws it. */
    onPaste(event) {
      const pasted = event.clipboardData?.getData('text/plain') ?? '';
      const field = event.target as HTMLTextAreaElement;
      const replaced = Math.max(0, (field.selectionEnd ?? 0) - (field.selectionStart ?? 0));
      const length = field.value.length - replaced + pasted.length;
      if (length > MAX_INPUT_BYTES) {
        event.preventDefault();
        const lang = host.lang();
        refuse(host.messages().textTooLong(formatChars(length, lang), formatChars(MAX_INPUT_BYTES, lang)));
      }
    },

    onUrlSubmit(event) {
      event.preventDefault();
      const field = host.root().querySelector<HTMLInputElement>('#url');
      const value = field?.value.trim() ?? '';
      if (!/^https?:\/\//i.test(value)) {
        refuse(host.messages().notAUrl);
        return;
      }
      void host.begin(readUrl(value, host.messages()));
    },

    onDragOver(event) {
      const types = event.dataTransfer?.types ?? [];
      if (!types.includes('Files') && !types.includes('text/uri-list') && !types.includes('text/plain')) return;
      event.preventDefault();
      if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy';
      host.setOver(true);
    },

    onDragLeave(event) {
      const zone = event.currentTarget as HTMLElement;
      if (!zone.contains(event.relatedTarget as Node | null)) host.setOver(false);
    },

    onDrop(event) {
      event.preventDefault();
      host.setOver(false);
      const data = event.dataTransfer;
      const files = data ? [...data.files] : [];
      const first = files[0];
      if (first) {
        const started = host.inspect(first);
        // Say which file is being checked when several were dropped (unless it was refused).
        if (files.length > 1 && host.checking()) host.say(host.messages().firstFileOnly(first.name, files.length));
        void started;
        return;
      }
      // A link or text dragged from another page: an address, or the badge itself.
      const dropped = (data
        ?.getData('text/uri-list')
        .split(/\r?\n/)
        .find((line) => line && !line.startsWith('#')) ??
        data?.getData('text/plain') ??
        '') as string;
      if (dropped.trim() === '') {
        refuse(host.messages().nothingDropped);
        return;
      }
      void host.inspect(dropped);
    },
  };
}
