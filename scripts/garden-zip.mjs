#!/usr/bin/env node
/**
 * Packs dist/garden-plugin/ into garden-plugin-cloudnotes.zip for the release: one folder
 * `cloudnotes/` holding the garden plugin, so unzipping into a garden's `src/plugins/` installs
 * it where the template's loader looks (src/plugins/<id>/garden-plugin.json). Stored (not
 * compressed) entries: the zip format needs nothing but Node's own crc32 then.
 * Usage: node scripts/garden-zip.mjs [out.zip]
 */
import { promises as fs } from "node:fs";
import path from "node:path";
import { crc32 } from "node:zlib";
import { GARDEN_PLUGIN_DIR, GARDEN_PLUGIN_ID } from "./garden-plugin.mjs";

function dosTime(date) {
	const time = (date.getHours() << 11) | (date.getMinutes() << 5) | Math.floor(date.getSeconds() / 2);
	const day = ((date.getFullYear() - 1980) << 9) | ((date.getMonth() + 1) << 5) | date.getDate();
	return { time, day };
}

export async function gardenZip(out) {
	const names = (await fs.readdir(GARDEN_PLUGIN_DIR)).sort();
	if (!names.includes("garden-plugin.json")) throw new Error(`${GARDEN_PLUGIN_DIR} has no garden-plugin.json: run npm run build first`);
	const locals = [];
	const centrals = [];
	let offset = 0;
	const { time, day } = dosTime(new Date());
	for (const name of names) {
		const data = await fs.readFile(path.join(GARDEN_PLUGIN_DIR, name));
		const entry = Buffer.from(`${GARDEN_PLUGIN_ID}/${name}`, "utf8");
		const crc = crc32(data);
		const local = Buffer.alloc(30);
		local.writeUInt32LE(0x04034b50, 0);
		local.writeUInt16LE(20, 4);
		local.writeUInt16LE(0x0800, 6); // names are UTF-8
		local.writeUInt16LE(0, 8); // stored
		local.writeUInt16LE(time, 10);
		local.writeUInt16LE(day, 12);
		local.writeUInt32LE(crc, 14);
		local.writeUInt32LE(data.length, 18);
		local.writeUInt32LE(data.length, 22);
		local.writeUInt16LE(entry.length, 26);
		local.writeUInt16LE(0, 28);
		locals.push(local, entry, data);
		const central = Buffer.alloc(46);
		central.writeUInt32LE(0x02014b50, 0);
		central.writeUInt16LE(20, 4);
		central.writeUInt16LE(20, 6);
		central.writeUInt16LE(0x0800, 8);
		central.writeUInt16LE(0, 10);
		central.writeUInt16LE(time, 12);
		central.writeUInt16LE(day, 14);
		central.writeUInt32LE(crc, 16);
		central.writeUInt32LE(data.length, 20);
		central.writeUInt32LE(data.length, 24);
		central.writeUInt16LE(entry.length, 28);
		central.writeUInt32LE(offset, 42);
		centrals.push(central, entry);
		offset += local.length + entry.length + data.length;
	}
	const directory = Buffer.concat(centrals);
	const end = Buffer.alloc(22);
	end.writeUInt32LE(0x06054b50, 0);
	end.writeUInt16LE(names.length, 8);
	end.writeUInt16LE(names.length, 10);
	end.writeUInt32LE(directory.length, 12);
	end.writeUInt32LE(offset, 16);
	await fs.writeFile(out, Buffer.concat([...locals, directory, end]));
	return names.map((n) => `${GARDEN_PLUGIN_ID}/${n}`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
	const out = process.argv[2] ?? "garden-plugin-cloudnotes.zip";
	const entries = await gardenZip(out);
	console.log(`${out}: ${entries.join(", ")}`);
}
