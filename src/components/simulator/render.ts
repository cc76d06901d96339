/** The player's picture of `cd-deploy-sim`: clock, traffic bars, serving capacity and one tile per instance. */
import { clock } from '../../lib/simulator/timeline.ts';
import type { uiText } from './describe.ts';
import type { SimUiKey } from './messages.ts';
import { servingCount, type Tile, type View } from './view.ts';

type T = ReturnType<typeof uiText>;

function el(root: HTMLElement, selector: string): HTMLElement {
	const found = root.querySelector<HTMLElement>(selector);
	if (!found) throw new Error(`cd-deploy-sim: missing ${selector}`);
	return found;
}

/** One empty tile per instance (or per Lambda version / ECS task set), filled by `renderView`. */
export function buildTiles(root: HTMLElement, view: View | undefined): void {
	el(root, '[data-fleet]').replaceChildren(
		...(view?.tiles ?? []).map((tile) => {
			const item = document.createElement('li');
			item.dataset['tile'] = tile.id;
			item.className = `cdsim-tile cdsim-${tile.role}`;
			return item;
		}),
	);
}

function tileLines(tile: Tile, server: boolean, t: T): string[] {
	const gone = tile.terminated || tile.stopped || tile.pending;
	const state = tile.terminated
		? t('tile.terminated')
		: tile.stopped
			? t('tile.stopped')
			: tile.pending
				? t('tile.pending')
				: tile.event
					? `${tile.event} · ${t(`status.${tile.status}` as SimUiKey)}`
					: t('tile.waiting');
	const name = server ? tile.id : t(tile.id === 'v1' ? 'tile.v1' : 'tile.v2');
	return [
		`${name} (${t(`role.${tile.role}`)})`,
		state,
		`${t(`health.${tile.health}`)} · ${tile.revision}`,
		t(tile.serving && !gone ? 'tile.serving' : 'tile.notServing'),
	];
}

export function renderView(
	root: HTMLElement,
	view: View | undefined,
	server: boolean,
	time: number,
	t: T,
): void {
	el(root, '[data-clock]').textContent = t('clock', { time: clock(Math.floor(time)) });
	el(root, '[data-traffic]').hidden = !view?.traffic;
	if (view?.traffic) {
		const { original, replacement, test } = view.traffic;
		el(root, '[data-traffic-text]').textContent =
			t('trafficText', { original, replacement }) + (test === undefined ? '' : t('trafficTest', { test }));
		el(root, '[data-bar-original]').style.width = `${original}%`;
		el(root, '[data-bar-replacement]').style.width = `${replacement}%`;
		// ECS with a test listener: the test port's share, in its own thinner bar.
		el(root, '[data-bar-test-box]').hidden = test === undefined;
		el(root, '[data-bar-test]').style.width = `${test ?? 0}%`;
	}
	const capacity = el(root, '[data-capacity]');
	capacity.hidden = !view || !server;
	if (view) {
		const total = view.tiles.filter((tile) => tile.role !== 'replacement').length;
		capacity.textContent = t('capacity', { n: servingCount(view), total });
	}
	for (const tile of view?.tiles ?? []) {
		// Lambda and ECS: the deployment's own events belong to the new version's tile.
		if (tile.id === 'v2' && view?.serviceEvent) Object.assign(tile, view.serviceEvent);
		const item = root.querySelector<HTMLElement>(`[data-tile="${tile.id}"]`);
		if (!item) continue;
		item.replaceChildren(
			...tileLines(tile, server, t).map((line) =>
				Object.assign(document.createElement('span'), { textContent: line }),
			),
		);
		item.dataset['status'] = tile.terminated || tile.stopped ? 'gone' : tile.status || 'none';
		item.dataset['health'] = tile.health;
	}
}
