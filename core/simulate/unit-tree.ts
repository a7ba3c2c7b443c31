// The tree the generator works on: national → region → province → district → leaf (pre-2025),
// or national → province → leaf (2025). Leaves carry review rows: communes, and the island
// districts that have no communes (Bạch Long Vĩ, Cồn Cỏ, Lý Sơn, Côn Đảo). Every total the
// generator must hit sits on one node of this tree.
import { NATIONAL_CODE, regionByName, regionCode, type RegionKey } from '../poverty/regions.ts';
import { foldVietnamese } from '../text.ts';
import type { SimUnit, Structure } from './types.ts';

export interface TreeNode {
  /** 'VN', 'VN-<region>', or the unit code (codes of different levels never collide: 2/3/5 digits). */
  key: string;
  kind: 'national' | 'region' | 'province' | 'district' | 'commune';
  parent: TreeNode | null;
  children: TreeNode[];
  /** Indices of all leaves at or below this node. */
  leaves: number[];
  unit: SimUnit | null;
}

export interface Leaf {
  index: number;
  unit: SimUnit;
  node: TreeNode;
  regionKey: RegionKey | null;
  provinceCode: string;
  /** The leaf's district (pre-2025), or null. */
  district: SimUnit | null;
  lon: number;
  lat: number;
}

export interface UnitTree {
  structure: Structure;
  root: TreeNode;
  nodes: Map<string, TreeNode>;
  leaves: Leaf[];
  /** Units left out, with the reason. */
  excluded: string[];
}

/**
 * Districts without resident households: no review takes place there. Huyện Hoàng Sa (Đà Nẵng)
 * is administered in name only; it has no communes and no population under Vietnamese control.
 */
const UNINHABITED = new Set(['hoang sa']);

export function buildTree(structure: Structure, units: readonly SimUnit[]): UnitTree {
  const byCode = new Map(units.map((u) => [u.code, u]));
  const regions = new Map<string | null, RegionKey | null>();
  const regionOf = (name: string | null): RegionKey | null => {
    if (!regions.has(name)) regions.set(name, regionByName(name)?.key ?? null);
    return regions.get(name)!;
  };
  const hasChildren = new Set(units.map((u) => u.parentCode).filter((c): c is string => c !== null));
  const nodes = new Map<string, TreeNode>();
  const excluded: string[] = [];
  const root: TreeNode = { key: NATIONAL_CODE, kind: 'national', parent: null, children: [], leaves: [], unit: null };
  nodes.set(root.key, root);

  const nodeFor = (unit: SimUnit): TreeNode => {
    const existing = nodes.get(unit.code);
    if (existing) return existing;
    let parent: TreeNode;
    if (unit.level === 'province') {
      const region = regionOf(unit.region);
      parent = region ? regionNode(region) : root;
    } else {
      const parentUnit = unit.parentCode ? byCode.get(unit.parentCode) : undefined;
      if (!parentUnit) throw new Error(`${structure} unit ${unit.code} has parent ${unit.parentCode}, which is not in the registry`);
      parent = nodeFor(parentUnit);
    }
    const node: TreeNode = { key: unit.code, kind: unit.level, parent, children: [], leaves: [], unit };
    parent.children.push(node);
    nodes.set(node.key, node);
    return node;
  };
  const regionNode = (key: RegionKey): TreeNode => {
    const code = regionCode(key);
    let node = nodes.get(code);
    if (!node) {
      node = { key: code, kind: 'region', parent: root, children: [], leaves: [], unit: null };
      root.children.push(node);
      nodes.set(code, node);
    }
    return node;
  };

  const leaves: Leaf[] = [];
  const sorted = [...units].sort((a, b) => a.code.localeCompare(b.code));
  for (const unit of sorted) {
    if (unit.level === 'province' || hasChildren.has(unit.code)) continue;
    // only island units (a district without communes, a 2025 đặc khu) can be uninhabited
    if (unit.type !== 'Xã' && unit.type !== 'Phường' && unit.type !== 'Thị trấn' && UNINHABITED.has(foldVietnamese(unit.name))) {
      excluded.push(`${structure}/${unit.code} ${unit.name}: không có dân cư / no resident households`);
      continue;
    }
    if (unit.lon === null || unit.lat === null) {
      excluded.push(`${structure}/${unit.code} ${unit.name}: no label point`);
      continue;
    }
    const node = nodeFor(unit);
    const district = unit.level === 'district' ? unit : unit.parentCode ? (byCode.get(unit.parentCode) ?? null) : null;
    leaves.push({
      index: leaves.length,
      unit,
      node,
      regionKey: regionOf(unit.region),
      provinceCode: unit.provinceCode,
      district: district && district.level === 'district' ? district : null,
      lon: unit.lon,
      lat: unit.lat,
    });
  }
  for (const leaf of leaves) {
    for (let n: TreeNode | null = leaf.node; n; n = n.parent) n.leaves.push(leaf.index);
  }
  for (const node of nodes.values()) node.children.sort((a, b) => a.key.localeCompare(b.key));
  return { structure, root, nodes, leaves, excluded };
}

/** Nodes from the root down, parents before children. */
export function topDown(tree: UnitTree): TreeNode[] {
  const out: TreeNode[] = [];
  const visit = (n: TreeNode) => {
    out.push(n);
    for (const c of n.children) visit(c);
  };
  visit(tree.root);
  return out;
}
