import { render } from 'preact';
import '../styles/base.css';
import '../styles/agency.css';
import { AgencyApp } from './AgencyApp.js';

render(<AgencyApp />, document.getElementById('app')!);
