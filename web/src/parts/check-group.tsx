/** A row of checkboxes for some of a fixed list of values (none checked: no filter). */
export function CheckGroup({
  legend,
  values,
  chosen,
  onChange,
}: {
  legend: string;
  values: readonly string[];
  chosen: string[];
  onChange: (next: string[]) => void;
}) {
  return (
    <fieldset class="checks">
      <legend>{legend}</legend>
      {values.map((v) => (
        <label key={v}>
          <input
            type="checkbox"
            checked={chosen.includes(v)}
            onChange={(e) => {
              const on = (e.target as HTMLInputElement).checked;
              onChange(on ? [...chosen, v] : chosen.filter((x) => x !== v));
            }}
          />{' '}
          {v}
        </label>
      ))}
    </fieldset>
  );
}
