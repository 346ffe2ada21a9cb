/**
 * The SQL editor: CodeMirror 6 with SQL highlighting, completion of table and column names from
 * the contract (labels shown beside them), Chinese-label completion (typing 接待 offers `item`
 * and 'reception'), and Ctrl/Cmd+Enter to run. Imported dynamically by SqlConsole, so CodeMirror
 * is part of no other page's JavaScript.
 */
import {
	autocompletion,
	closeBrackets,
	closeBracketsKeymap,
	completionKeymap,
	type Completion,
	type CompletionContext,
	type CompletionResult
} from '@codemirror/autocomplete';
import { defaultKeymap, history, historyKeymap } from '@codemirror/commands';
import { PostgreSQL, sql, type SQLNamespace } from '@codemirror/lang-sql';
import {
	bracketMatching,
	defaultHighlightStyle,
	indentOnInput,
	syntaxHighlighting
} from '@codemirror/language';
import { EditorState, Prec } from '@codemirror/state';
import {
	EditorView,
	drawSelection,
	highlightActiveLine,
	highlightActiveLineGutter,
	keymap,
	lineNumbers,
	placeholder
} from '@codemirror/view';
import { TABLES, type ColumnDef } from '../schema/tables';
import { type SchemaEntry, hasCjk, matchEntries } from './schema-entries';

export interface EditorHandle {
	getDoc(): string;
	setDoc(text: string): void;
	/** Replace the selection with `text` (schema browser clicks) and focus the editor. */
	insert(text: string): void;
	/** Put the cursor at a 1-based line and column and focus. */
	goTo(line: number, column: number): void;
	focus(): void;
	destroy(): void;
}

const info = (e: SchemaEntry) =>
	[e.description, e.unit ? `单位：${e.unit}` : '', e.kind === 'column' ? `表：${e.tables.join('、')}` : '']
		.filter(Boolean)
		.join('\n');

const typeOf = { table: 'type', column: 'property', value: 'constant' } as const;

/** Completions for a Chinese word before the cursor: label, meaning or value label. */
function chineseCompletion(ctx: CompletionContext): CompletionResult | null {
	const word = ctx.matchBefore(/[\u3400-\u9fff\uf900-\ufaff]+/);
	if (!word || !hasCjk(word.text)) return null;
	const options: Completion[] = matchEntries(word.text)
		.slice(0, 40)
		.map((e, i) => ({
			label: e.name,
			detail: e.zh,
			info: info(e),
			type: typeOf[e.kind],
			apply: e.name,
			boost: -i
		}));
	return options.length ? { from: word.from, options, filter: false } : null;
}

/** lang-sql's schema completion (tables, `table.` → its columns), with the Chinese labels as details. */
function sqlSchema(): SQLNamespace {
	const ns: Record<string, SQLNamespace> = {};
	for (const t of TABLES)
		ns[t.name] = {
			self: { label: t.name, detail: t.zh, info: t.description, type: 'type' },
			children: (t.columns as readonly ColumnDef[]).map((c) => ({
				label: c.name,
				detail: `${c.zh}${c.unit ? `（${c.unit}）` : ''}`,
				info: c.description,
				type: 'property'
			}))
		};
	return ns;
}

/** Bare column names (without `table.`) complete too: analysts rarely qualify them. */
function columnCompletion(ctx: CompletionContext): CompletionResult | null {
	const word = ctx.matchBefore(/[A-Za-z_][\w]*/);
	if (!word || (word.from === word.to && !ctx.explicit)) return null;
	if (ctx.state.sliceDoc(word.from - 1, word.from) === '.') return null;
	const options = matchEntries(word.text || 'a')
		.filter((e) => e.kind === 'column')
		.map((e) => ({ label: e.name, detail: e.zh, info: info(e), type: 'property' }));
	return { from: word.from, options, validFor: /^\w*$/ };
}

const theme = EditorView.theme({
	'&': { fontSize: '0.95rem', border: '1px solid #b9c0cb', borderRadius: '4px', background: '#fff' },
	'&.cm-focused': { outline: '3px solid #f0a500', outlineOffset: '2px' },
	'.cm-content': {
		fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace',
		minHeight: '8rem'
	},
	'.cm-scroller': { maxHeight: '22rem', overflow: 'auto' },
	'.cm-gutters': { background: '#f5f7fa', color: '#5b6472', borderRight: '1px solid #dfe3ea' },
	'.cm-tooltip-autocomplete .cm-completionDetail': {
		color: '#5b6472',
		fontStyle: 'normal',
		marginLeft: '0.6em'
	}
});

export function createEditor(
	parent: HTMLElement,
	opts: { doc: string; onRun: () => void; onChange: (doc: string) => void; label: string }
): EditorHandle {
	const sqlSupport = sql({ dialect: PostgreSQL, schema: sqlSchema(), upperCaseKeywords: true });
	const view = new EditorView({
		parent,
		state: EditorState.create({
			doc: opts.doc,
			extensions: [
				Prec.highest(
					keymap.of([
						{
							key: 'Mod-Enter',
							run: () => {
								opts.onRun();
								return true;
							}
						}
					])
				),
				lineNumbers(),
				highlightActiveLineGutter(),
				history(),
				drawSelection(),
				indentOnInput(),
				bracketMatching(),
				closeBrackets(),
				highlightActiveLine(),
				syntaxHighlighting(defaultHighlightStyle, { fallback: true }),
				autocompletion({ icons: false }),
				sqlSupport,
				sqlSupport.language.data.of({ autocomplete: chineseCompletion }),
				sqlSupport.language.data.of({ autocomplete: columnCompletion }),
				keymap.of([...closeBracketsKeymap, ...defaultKeymap, ...historyKeymap, ...completionKeymap]),
				placeholder('在此输入 SQL，Ctrl+Enter（Mac 上 ⌘+Enter）运行'),
				EditorView.lineWrapping,
				EditorView.contentAttributes.of({ 'aria-label': opts.label }),
				EditorView.updateListener.of((u) => {
					if (u.docChanged) opts.onChange(u.state.doc.toString());
				}),
				theme
			]
		})
	});
	return {
		getDoc: () => view.state.doc.toString(),
		setDoc(text) {
			view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text } });
		},
		insert(text) {
			view.dispatch(view.state.replaceSelection(text));
			view.focus();
		},
		goTo(line, column) {
			const l = view.state.doc.line(Math.min(Math.max(1, line), view.state.doc.lines));
			const pos = Math.min(l.from + column - 1, l.to);
			view.dispatch({ selection: { anchor: pos }, scrollIntoView: true });
			view.focus();
		},
		focus: () => view.focus(),
		destroy: () => view.destroy()
	};
}
