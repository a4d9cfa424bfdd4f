import { render } from 'preact';
import '../styles/base.css';
import '../styles/citizen.css';
import { CitizenApp } from './CitizenApp.js';

render(<CitizenApp />, document.getElementById('app')!);
