import type { JSX } from 'preact';
import { ChoiceGroup } from '../../shared/Field.js';
import { usePortal } from '../context.js';
import type { StepProps } from './ReportWizard.js';
import { controlIdOf } from './steps.js';

export function CategoryStep({ draft, update, errors }: StepProps): JSX.Element {
  const { t, config } = usePortal();
  return (
    <ChoiceGroup id={controlIdOf('category')} legend={t('report.category')} error={errors.category}>
      {config.categories.map((category) => (
        <div class="choice" key={category.id}>
          <input
            type="radio"
            name="category"
            id={`category-${category.id}`}
            value={category.id}
            checked={draft.category === category.id}
            onChange={() => update({ category: category.id })}
            aria-describedby={`category-${category.id}-help`}
          />
          <div>
            <label for={`category-${category.id}`}>{category.name}</label>
            <p class="hint" id={`category-${category.id}-help`}>{category.description}</p>
          </div>
        </div>
      ))}
    </ChoiceGroup>
  );
}
